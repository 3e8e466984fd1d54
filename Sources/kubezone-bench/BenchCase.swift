/// One benchmark case: which snapshot files a run reads, and how, or the
/// zone writing case.
struct BenchCase: Sendable {
  /// `allKinds` reads services, EndpointSlices and pods from three files;
  /// `list` reads the same objects from one List holding all three kinds.
  enum Input: Sendable { case pods, slices, allKinds, list }
  enum Format: String, Sendable { case json, yaml }

  var name: String
  /// Pods in the snapshot (services are pods / 15); 0 for the writing case.
  var pods: Int
  var input: Input
  var format: Format
  /// The first file reaches kubezone as `-`, through a pipe the benchmark
  /// feeds (`cat FILE | kubezone generate - ...`).
  var stdin = false
  /// Records to write in the writing case.
  var writeRecords: Int = 0
  /// The floor: a plain byte loop over this case's files (`FloorCase`),
  /// not kubezone; with `stdin`, a plain read of the pipe (`PipeFloor`).
  var floor = false

  var services: Int { pods / 15 }

  static func all(scales: [Int], slices: Bool, writeRecords: Int) -> [BenchCase] {
    var out: [BenchCase] = []
    for pods in scales {
      let tag = pods % 1000 == 0 ? "\(pods / 1000)k" : "\(pods)"
      for format in [Format.json, .yaml] {
        let f = format.rawValue.uppercased()
        out.append(BenchCase(name: "floor pods+services \(f) \(tag)", pods: pods, input: .pods, format: format, floor: true))
        out.append(BenchCase(name: "pods+services \(f) \(tag)", pods: pods, input: .pods, format: format))
        out.append(BenchCase(name: "pods+services \(f) \(tag) stdin", pods: pods, input: .pods, format: format, stdin: true))
        out.append(BenchCase(name: "pipe floor pods+services \(f) \(tag)", pods: pods, input: .pods, format: format, stdin: true, floor: true))
      }
      if slices {
        for format in [Format.json, .yaml] {
          let f = format.rawValue.uppercased()
          out.append(BenchCase(name: "floor slices+services \(f) \(tag)", pods: pods, input: .slices, format: format, floor: true))
          out.append(BenchCase(name: "slices+services \(f) \(tag)", pods: pods, input: .slices, format: format))
        }
      }
      for format in [Format.json, .yaml] {
        let f = format.rawValue.uppercased()
        out.append(BenchCase(name: "floor all kinds \(f) \(tag) one List", pods: pods, input: .list, format: format, floor: true))
        out.append(BenchCase(name: "all kinds \(f) \(tag) 3 files", pods: pods, input: .allKinds, format: format))
        out.append(BenchCase(name: "all kinds \(f) \(tag) one List", pods: pods, input: .list, format: format))
        out.append(BenchCase(name: "all kinds \(f) \(tag) one List stdin", pods: pods, input: .list, format: format, stdin: true))
        out.append(BenchCase(name: "pipe floor all kinds \(f) \(tag) one List", pods: pods, input: .list, format: format, stdin: true, floor: true))
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
    let kinds: [String] = switch input {
    case .pods: ["pods", "services"]
    case .slices: ["endpointslices", "services"]
    case .allKinds: ["services", "endpointslices", "pods"]
    case .list: ["all"]
    }
    return kinds.map { "\(folder)/\($0).\(format.rawValue)" }
  }

  /// The arguments `kubezone generate` gets: `-` for the piped file.
  func inputs(in data: String) -> [String] {
    let files = files(in: data)
    return stdin ? ["-"] + files.dropFirst() : files
  }

  /// The case this one's wall and peak RSS are compared with: the same
  /// snapshot from files (`stdin`), or from one file per kind (`list`).
  func reference(in cases: [BenchCase]) -> BenchCase? {
    guard writeRecords == 0, !floor else { return nil }
    return cases.first { r in
      r.pods == pods && r.format == format && !r.stdin && !r.floor
        && (stdin ? r.input == input : input == .list && r.input == .allKinds)
    }
  }

  /// This case's floor: the byte loop over the same snapshot's bytes in
  /// the same format (one List's for both the List and the three files,
  /// which hold the same objects and within 1% of the bytes).
  func floorCase(in cases: [BenchCase]) -> BenchCase? {
    guard writeRecords == 0, !floor else { return nil }
    let kind: Input = input == .allKinds ? .list : input
    return cases.first { $0.floor && !$0.stdin && $0.pods == pods && $0.format == format && $0.input == kind }
  }

  /// A stdin case's pipe floor: `cat` into a plain read of the same file.
  func pipeFloorCase(in cases: [BenchCase]) -> BenchCase? {
    guard stdin, !floor else { return nil }
    return cases.first { $0.floor && $0.stdin && $0.pods == pods && $0.format == format && $0.input == input }
  }

  /// Cases whose zones must be byte-identical: the same objects, whatever
  /// the format, the files or the pipe.
  var snapshot: String {
    switch input {
    case .pods: "pods+services \(pods)"
    case .slices: "slices+services \(pods)"
    case .allKinds, .list: "all kinds \(pods)"
    }
  }
}
