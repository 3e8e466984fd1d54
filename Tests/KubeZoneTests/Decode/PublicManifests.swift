/// Manifests of every kind and field the public-name sources read, as
/// kubectl prints a List, in YAML and in JSON.
enum PublicManifests {
  static let yamlList = """
    apiVersion: v1
    items:
    - apiVersion: v1
      kind: Service
      metadata:
        annotations:
          external-dns.kubernetes.io/hostname: shop.example.com
          external-dns.alpha.kubernetes.io/ttl: "60"
        name: shop
        namespace: web
      spec:
        clusterIP: 10.96.0.10
        externalIPs:
        - 192.0.2.7
        externalTrafficPolicy: Local
        ports:
        - nodePort: 30080
          port: 80
          protocol: TCP
        type: LoadBalancer
      status:
        loadBalancer:
          ingress:
          - ip: 203.0.113.10
          - hostname: lb.example.net
    - apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        annotations:
          external-dns.kubernetes.io/target: 192.0.2.1
        name: shop
        namespace: web
      spec:
        rules:
        - host: shop.example.com
          http:
            paths:
            - backend:
                service:
                  name: shop
                  port:
                    number: 80
              path: /
              pathType: Prefix
        tls:
        - hosts:
          - shop.example.com
          secretName: tls
      status:
        loadBalancer:
          ingress:
          - ip: 203.0.113.11
    - apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata:
        name: gw
        namespace: infra
      spec:
        gatewayClassName: x
        listeners:
        - allowedRoutes:
            kinds:
            - kind: HTTPRoute
            namespaces:
              from: Selector
              selector:
                matchLabels:
                  team: web
          hostname: '*.example.com'
          name: http
          port: 80
          protocol: HTTP
      status:
        addresses:
        - type: IPAddress
          value: 203.0.113.12
    - apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata:
        annotations:
          external-dns.kubernetes.io/ttl: 5m
        name: shop
        namespace: web
      spec:
        hostnames:
        - api.example.com
        parentRefs:
        - name: gw
          namespace: infra
          sectionName: http
        rules:
        - backendRefs:
          - name: shop
            port: 80
      status:
        parents:
        - conditions:
          - lastTransitionTime: "2024-01-01T00:00:00Z"
            status: "True"
            type: Accepted
          controllerName: example.com/gw
          parentRef:
            name: gw
            namespace: infra
    - apiVersion: gateway.networking.k8s.io/v1alpha2
      kind: TCPRoute
      metadata:
        name: db
        namespace: web
      spec:
        parentRefs:
        - name: gw
          namespace: infra
          port: 5432
    - apiVersion: v1
      kind: Node
      metadata:
        annotations:
          node.alpha.kubernetes.io/ttl: "0"
        labels:
          kubernetes.io/hostname: node1
        name: node1
      spec:
        unschedulable: true
      status:
        addresses:
        - address: 10.0.0.1
          type: InternalIP
        - address: 198.51.100.1
          type: ExternalIP
    - apiVersion: v1
      kind: Pod
      metadata:
        annotations:
          big: not read
        name: shop-0
        namespace: web
      spec:
        containers:
        - name: c
        hostname: shop-0
        nodeName: node1
      status:
        phase: Running
        podIP: 10.1.0.5
    kind: List
    metadata:
      resourceVersion: ""

    """

  static let jsonList = """
    {
        "apiVersion": "v1",
        "items": [
            {
                "apiVersion": "v1",
                "kind": "Service",
                "metadata": {
                    "annotations": {"external-dns.kubernetes.io/hostname": "shop.example.com"},
                    "name": "shop",
                    "namespace": "web"
                },
                "spec": {
                    "externalIPs": ["192.0.2.7"],
                    "ports": [{"nodePort": 30080, "port": 80, "protocol": "TCP"}],
                    "type": "NodePort"
                },
                "status": {"loadBalancer": {"ingress": [{"ip": "203.0.113.10"}]}}
            },
            {
                "apiVersion": "networking.k8s.io/v1",
                "kind": "Ingress",
                "metadata": {"annotations": {"a": "b"}, "name": "shop", "namespace": "web"},
                "spec": {"rules": [{"host": "shop.example.com"}], "tls": [{"hosts": ["shop.example.com"]}]},
                "status": {"loadBalancer": {"ingress": [{"hostname": "lb.example.net"}]}}
            },
            {
                "apiVersion": "gateway.networking.k8s.io/v1beta1",
                "kind": "Gateway",
                "metadata": {"name": "gw", "namespace": "infra"},
                "spec": {"listeners": [{"hostname": "*.example.com", "name": "http", "port": 80, "protocol": "HTTP"}]},
                "status": {"addresses": [{"type": "IPAddress", "value": "203.0.113.12"}]}
            },
            {
                "apiVersion": "gateway.networking.k8s.io/v1",
                "kind": "GRPCRoute",
                "metadata": {"annotations": {"x": "y"}, "name": "g", "namespace": "web"},
                "spec": {"hostnames": ["grpc.example.com"], "parentRefs": [{"name": "gw", "namespace": "infra"}]},
                "status": {"parents": [{"conditions": [{"status": "True", "type": "Accepted"}], "parentRef": {"name": "gw"}}]}
            },
            {
                "apiVersion": "gateway.networking.k8s.io/v1alpha2",
                "kind": "UDPRoute",
                "metadata": {"name": "u", "namespace": "web"},
                "spec": {"parentRefs": [{"name": "gw", "namespace": "infra"}]}
            },
            {
                "apiVersion": "v1",
                "kind": "Node",
                "metadata": {"annotations": {"n": "1"}, "name": "node1"},
                "status": {"addresses": [{"address": "198.51.100.1", "type": "ExternalIP"}]}
            },
            {
                "apiVersion": "v1",
                "kind": "Pod",
                "metadata": {"annotations": {"big": "x"}, "name": "p", "namespace": "web"},
                "spec": {"nodeName": "node1", "containers": [{"name": "c"}]},
                "status": {"podIP": "10.1.0.5"}
            }
        ],
        "kind": "List",
        "metadata": {"resourceVersion": ""}
    }

    """
}
