import Testing
@testable import KubeZone

/// Manifests shaped like what kubectl and people actually write.
@Suite struct KubernetesManifestTests {
  static let service = """
    apiVersion: v1
    kind: Service
    metadata:
      annotations:
        external-dns.alpha.kubernetes.io/hostname: web.example.com.
        kubectl.kubernetes.io/last-applied-configuration: |
          {"apiVersion":"v1","kind":"Service","metadata":{"annotations":{},"name":"web","namespace":"default"},"spec":{"ports":[{"port":80,"targetPort":8080}],"selector":{"app":"web"}}}
      creationTimestamp: "2024-01-02T03:04:05Z"
      labels:
        app: web
      name: web
      namespace: default
      resourceVersion: "12345"
      uid: 0b7c3c2e-1f0e-4c1a-9a53-0d2b8a1e5f00
    spec:
      clusterIP: 10.96.12.34
      clusterIPs:
      - 10.96.12.34
      ipFamilies:
      - IPv4
      ports:
      - name: http
        port: 80
        protocol: TCP
        targetPort: 8080
      selector:
        app: web
      type: LoadBalancer
    status:
      loadBalancer:
        ingress:
        - ip: 203.0.113.10

    """

  func read(_ text: String) throws -> [Node] {
    try YAMLReader.documents(Array(text.utf8), file: "svc.yaml")
  }

  @Test func kubectlServiceReads() throws {
    let docs = try read(Self.service)
    #expect(docs.count == 1)
    let svc = try #require(docs.first)
    #expect(svc["kind"]?.scalar?.text == "Service")
    #expect(svc["metadata"]?["resourceVersion"]?.scalar == Scalar("12345", style: .doubleQuoted))
    let port = try #require(svc["spec"]?["ports"]?.sequence?.first?["port"])
    #expect(port.scalar?.text == "80")
    #expect(port.coreValue == .int("80"))
    #expect(port.location.description == "svc.yaml:23:11")
    #expect(svc["spec"]?["ports"]?.location.description == "svc.yaml:22:3")
    #expect(svc["status"]?["loadBalancer"]?["ingress"]?.sequence?.first?["ip"]?.scalar?.text == "203.0.113.10")
    // The annotation is JSON in a literal block scalar, with its newline.
    let applied = try #require(svc["metadata"]?["annotations"]?["kubectl.kubernetes.io/last-applied-configuration"]?.scalar)
    #expect(applied.style == .literal)
    #expect(applied.text.hasSuffix("}}}\n"))
    let embedded = try JSONReader.document(Array(applied.text.utf8), file: "annotation")
    #expect(embedded["spec"]?["selector"]?["app"]?.scalar?.text == "web")
  }

  @Test func multiDocumentManifest() throws {
    let docs = try read("""
      # Namespace first
      ---
      apiVersion: v1
      kind: Namespace
      metadata: {name: dns}   # flow mapping
      ---
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: zone
      data:
        note: >
          folded lines
          join with spaces

          and a blank line keeps a break
        keep: |+
          trailing

        strip: |-
          no newline
      ...

      """)
    #expect(docs.count == 3)
    #expect(docs[0]["metadata"]?["name"]?.scalar?.text == "dns")
    #expect(docs[1].isNull)
    #expect(docs[1].location.line == 7)
    let data = try #require(docs[2]["data"])
    #expect(data["note"]?.scalar?.text == "folded lines join with spaces\nand a blank line keeps a break\n")
    #expect(data["keep"]?.scalar?.text == "trailing\n\n")
    #expect(data["strip"]?.scalar?.text == "no newline")
  }

  @Test func crlfAndBOMReadLikeLF() throws {
    let crlf = [0xEF, 0xBB, 0xBF] + Array(Self.service.replacingOccurrences(of: "\n", with: "\r\n").utf8)
    let a = try YAMLReader.documents(crlf, file: "svc.yaml")
    let b = try read(Self.service)
    #expect(a.map { $0.jsonText() } == b.map { $0.jsonText() })
    let port = try #require(a.first?["spec"]?["ports"]?.sequence?.first?["port"])
    #expect(port.location.description == "svc.yaml:23:11")
    // The literal block keeps LF line breaks, whatever the file used.
    #expect(a.first?["metadata"]?["annotations"]?["kubectl.kubernetes.io/last-applied-configuration"]?.scalar?.text.contains("\r") == false)
  }

  @Test func anchorsAliasesAndMergeKeys() throws {
    let docs = try read("""
      x-labels: &labels
        app: web
        tier: frontend
      x-ports: &ports
      - 80
      - 443
      deployment:
        metadata:
          labels:
            <<: *labels
            tier: backend
        ports: *ports

      """)
    let doc = try #require(docs.first)
    // The reader keeps `<<` as a key; the alias is a full copy.
    let labels = try #require(doc["deployment"]?["metadata"]?["labels"])
    #expect(labels.mapping?.first?.key.scalar?.text == "<<")
    #expect(labels["<<"]?["app"]?.scalar?.text == "web")
    #expect(doc["deployment"]?["ports"]?.sequence?.map { $0.scalar?.text } == ["80", "443"])
    #expect(doc["deployment"]?["ports"]?.location.description == "svc.yaml:12:10")
    let merged = doc.mergingKeys()
    #expect(merged["deployment"]?["metadata"]?["labels"]?.jsonText() == #"{"app":"web","tier":"backend"}"#)
  }
}
