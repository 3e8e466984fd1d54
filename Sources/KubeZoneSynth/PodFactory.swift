/// Builds one running pod as `kubectl get pod -o json` shows it: labels,
/// annotations, ownerReferences, containers with ports, probes, resources,
/// env and volume mounts, tolerations, volumes, conditions, statuses and IPs.
struct PodFactory {
  let model: ClusterModel

  func pod(_ p: Int) -> SynthValue {
    let s = model.service(ofPod: p)
    let svc = model.serviceName(s)
    let ns = model.namespace(ofService: s)
    let name = model.podName(p)
    let kind = model.serviceKind(s)
    let sts = kind == .statefulSet
    let (portName, port) = model.containerPort(s)
    let ready = model.isReady(p)
    let pending = model.isPending(p)
    let created = "2026-11-\(10 + p % 18)T\(10 + p % 12):\(10 + p % 50):\(10 + p % 49)Z"
    let ownerKind = sts ? "StatefulSet" : "ReplicaSet"
    let ownerName = sts ? svc : "\(svc)-\(model.templateHash(s))"
    var labels: [(String, SynthValue)] = [
      ("app", .string(svc)),
      ("app.kubernetes.io/name", .string(svc)),
      ("app.kubernetes.io/part-of", .string(ns)),
    ]
    labels.append(sts ? ("controller-revision-hash", .string("\(svc)-\(model.templateHash(s))")) : ("pod-template-hash", .string(model.templateHash(s))))
    if sts { labels.append(("statefulset.kubernetes.io/pod-name", .string(name))) }
    let applied = #"{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"labels":{"app":"\#(svc)"},"name":"\#(name)","namespace":"\#(ns)"},"spec":{"containers":[{"image":"registry.example.com/\#(svc):1.\#(s % 40).3","name":"\#(svc)","ports":[{"containerPort":\#(port),"name":"\#(portName)"}],"resources":{"limits":{"cpu":"500m","memory":"512Mi"},"requests":{"cpu":"100m","memory":"128Mi"}}}]}}"# + "\n"
    let metadata: [(String, SynthValue)] = [
      ("annotations", .object([
        ("kubectl.kubernetes.io/last-applied-configuration", .string(applied)),
      ])),
      ("creationTimestamp", .string(created)),
      ("generateName", .string(sts ? "\(svc)-" : "\(ownerName)-")),
      ("labels", .object(labels.sorted { $0.0 < $1.0 })),
      ("name", .string(name)),
      ("namespace", .string(ns)),
      ("ownerReferences", .array([.object([
        ("apiVersion", .string("apps/v1")),
        ("blockOwnerDeletion", .bool(true)),
        ("controller", .bool(true)),
        ("kind", .string(ownerKind)),
        ("name", .string(ownerName)),
        ("uid", .string(model.uid(s, 20))),
      ])])),
      ("resourceVersion", .string(String(100_000 + p * 7))),
      ("uid", .string(model.uid(p, 21))),
    ]
    var specPairs: [(String, SynthValue)] = [
      ("containers", .array([container(p, s, svc: svc, portName: portName, port: port)])),
      ("dnsPolicy", .string("ClusterFirst")),
      ("enableServiceLinks", .bool(true)),
    ]
    if sts { specPairs.append(("hostname", .string(name))) }
    specPairs += [
      ("nodeName", .string(model.nodeName(ofPod: p))),
      ("preemptionPolicy", .string("PreemptLowerPriority")),
      ("priority", .int(0)),
      ("restartPolicy", .string("Always")),
      ("schedulerName", .string("default-scheduler")),
      ("serviceAccount", .string("default")),
      ("serviceAccountName", .string("default")),
    ]
    if sts { specPairs.append(("subdomain", .string(svc))) }
    specPairs += [
      ("terminationGracePeriodSeconds", .int(30)),
      ("tolerations", .array([
        toleration("node.kubernetes.io/not-ready"), toleration("node.kubernetes.io/unreachable"),
      ])),
      ("volumes", .array([
        .object([("name", .string("kube-api-access-\(model.suffix(model.random(p, 8), 5))")), ("projected", .object([
          ("defaultMode", .int(420)),
          ("sources", .array([
            .object([("serviceAccountToken", .object([("expirationSeconds", .int(3607)), ("path", .string("token"))]))]),
          ])),
        ]))]),
      ])),
    ]
    return .object([
      ("apiVersion", .string("v1")),
      ("kind", .string("Pod")),
      ("metadata", .object(metadata)),
      ("spec", .object(specPairs)),
      ("status", status(p, created: created, ready: ready, pending: pending, svc: svc)),
    ])
  }

  func container(_ p: Int, _ s: Int, svc: String, portName: String, port: Int) -> SynthValue {
    var env: [SynthValue] = []
    for (k, v) in [("LOG_LEVEL", "info"), ("SERVICE_NAME", svc), ("PORT", String(port))] {
      env.append(.object([("name", .string(k)), ("value", .string(v))]))
    }
    func probe(_ path: String, _ delay: Int) -> SynthValue {
      .object([
        ("failureThreshold", .int(3)),
        ("httpGet", .object([("path", .string(path)), ("port", .string(portName)), ("scheme", .string("HTTP"))])),
        ("initialDelaySeconds", .int(delay)), ("periodSeconds", .int(10)),
        ("timeoutSeconds", .int(1)),
      ])
    }
    return .object([
      ("env", .array(env)),
      ("image", .string("registry.example.com/\(svc):1.\(s % 40).3")),
      ("imagePullPolicy", .string("IfNotPresent")),
      ("name", .string(svc)),
      ("ports", .array([
        .object([("containerPort", .int(port)), ("name", .string(portName)), ("protocol", .string("TCP"))]),
        .object([("containerPort", .int(9090)), ("name", .string("metrics")), ("protocol", .string("TCP"))]),
      ])),
      ("readinessProbe", probe("/ready", 5)),
      ("resources", .object([
        ("limits", .object([("cpu", .string("500m")), ("memory", .string("512Mi"))])),
        ("requests", .object([("cpu", .string("100m")), ("memory", .string("128Mi"))])),
      ])),
      ("terminationMessagePath", .string("/dev/termination-log")),
      ("terminationMessagePolicy", .string("File")),
      ("volumeMounts", .array([
        .object([("mountPath", .string("/var/run/secrets/kubernetes.io/serviceaccount")), ("name", .string("kube-api-access-\(model.suffix(model.random(p, 8), 5))")), ("readOnly", .bool(true))]),
      ])),
    ])
  }

  func toleration(_ key: String) -> SynthValue {
    .object([("effect", .string("NoExecute")), ("key", .string(key)), ("operator", .string("Exists")), ("tolerationSeconds", .int(300))])
  }

  func status(_ p: Int, created: String, ready: Bool, pending: Bool, svc: String) -> SynthValue {
    func condition(_ type: String, _ ok: Bool) -> SynthValue {
      .object([
        ("lastProbeTime", .string("")), ("lastTransitionTime", .string(created)),
        ("status", .string(ok ? "True" : "False")), ("type", .string(type)),
      ])
    }
    let conditions: [SynthValue] = [
      condition("PodReadyToStartContainers", !pending), condition("Initialized", true),
      condition("Ready", ready), condition("ContainersReady", ready), condition("PodScheduled", true),
    ]
    func containerStatus(_ name: String, _ image: String) -> SynthValue {
      .object([
        ("containerID", .string("containerd://\(model.uid(p, 30).replacingDashes())\(model.uid(p, 31).replacingDashes())")),
        ("image", .string(image)), ("imageID", .string("\(image)@sha256:\(model.uid(p, 32).replacingDashes())")),
        ("lastState", .object([])), ("name", .string(name)), ("ready", .bool(ready)),
        ("restartCount", .int(Int(model.random(p, 9) % 3))), ("started", .bool(!pending)),
        ("state", .object([pending
          ? ("waiting", .object([("reason", .string("ContainerCreating"))]))
          : ("running", .object([("startedAt", .string(created))]))])),
      ])
    }
    var pairs: [(String, SynthValue)] = [
      ("conditions", .array(conditions)),
      ("containerStatuses", .array([containerStatus(svc, "registry.example.com/\(svc):1.0.3")])),
      ("hostIP", .string(model.hostIP(ofPod: p))),
      ("hostIPs", .array([.object([("ip", .string(model.hostIP(ofPod: p)))])])),
      ("phase", .string(pending ? "Pending" : "Running")),
    ]
    if !pending {
      pairs.append(("podIP", .string(model.podIPv4(p))))
      var ips: [SynthValue] = [.object([("ip", .string(model.podIPv4(p)))])]
      if model.spec.dualStack { ips.append(.object([("ip", .string(model.podIPv6(p)))])) }
      pairs.append(("podIPs", .array(ips)))
    }
    pairs += [("qosClass", .string("Burstable")), ("startTime", .string(created))]
    return .object(pairs)
  }
}

extension String {
  func replacingDashes() -> String { String(decoding: utf8.filter { $0 != 0x2D }, as: UTF8.self) }
}
