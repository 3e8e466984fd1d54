/// One benchmark case: which snapshot files a run reads, or the zone
/// writing case.
struct BenchCase: Sendable {
  enum Input: Sendable { case pods, slices }
  enum Format: String, Sendable { case json, yaml }

  var name: String
  /// Pods in the snapshot (services are pods / 15); 0 for the writing case.
  var pods: Int
  var input: Input
  var format: Format
  /// Records to write in the writing case.
  var writeRecords: Int = 0

  var services: Int { pods / 15 }

  static func all(scales: [Int], slices: Bool, writeRecords: Int) -> [BenchCase] {
    var out: [BenchCase] = []
    for pods in scales {
      let tag = pods % 1000 == 0 ? "\(pods / 1000)k" : "\(pods)"
      out.append(BenchCase(name: "pods+services JSON \(tag)", pods: pods, input: .pods, format: .json))
      out.append(BenchCase(name: "pods+services YAML \(tag)", pods: pods, input: .pods, format: .yaml))
      if slices {
        out.append(BenchCase(name: "slices+services JSON \(tag)", pods: pods, input: .slices, format: .json))
        out.append(BenchCase(name: "slices+services YAML \(tag)", pods: pods, input: .slices, format: .yaml))
      }
    }
    if writeRecords > 0 {
      out.append(BenchCase(name: "write \(writeRecords / 1_000_000)M records", pods: 0, input: .pods, format: .json, writeRecords: writeRecords))
    }
    return out
  }

  /// The files this case reads, under the data folder.
  func files(in data: String) -> [String] {
    let folder = BenchData.folder(data, pods: pods)
    let first = input == .pods ? "pods" : "endpointslices"
    return ["\(folder)/\(first).\(format.rawValue)", "\(folder)/services.\(format.rawValue)"]
  }
}
