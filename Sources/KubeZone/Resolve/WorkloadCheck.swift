/// Diagnostics that need controllers: a workload whose pods are missing
/// from the input usually means an incomplete snapshot.
enum WorkloadCheck {
  static func check(_ inventory: Inventory, log: inout DiagnosticLog) {
    for w in inventory.workloads where !w.selector.isEmpty {
      let pods = inventory.pods(in: w.meta.namespace)
      let matched = pods.contains { pod in w.selector.allSatisfy { pod.meta.labels[$0.key] == $0.value } }
      if matched { continue }
      let serviceNote = w.serviceName.map { ": serviceName \($0) has no pods in the input" } ?? ": no pods in the input"
      log.warn("\(w.kind.rawValue) \(w.meta.name)\(serviceNote)", at: w.meta.location)
    }
  }
}
