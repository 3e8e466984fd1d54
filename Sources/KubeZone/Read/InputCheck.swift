/// Up-front checks of raw input bytes: well-formed UTF-8, and for YAML only
/// the characters the YAML 1.2 `c-printable` production allows.
///
/// Checking once before scanning keeps the scanners simple: they may treat a
/// 0 byte as the end of input, and build strings without repairing them.
enum InputCheck {
  /// Why a byte was rejected, and where.
  struct Failure: Error {
    var offset: Int
    var kind: ReadError.Kind
  }

  /// Validates UTF-8; with `yaml`, also rejects NUL and the C0/C1 controls
  /// (other than tab, LF, CR and NEL), surrogates and U+FFFE/U+FFFF.
  static func validate(_ bytes: [UInt8], yaml: Bool) -> Failure? {
    bytes.withUnsafeBufferPointer { buf -> Failure? in
      guard let base = buf.baseAddress else { return nil }
      let n = buf.count
      var i = 0
      while i < n {
        // Eight bytes at a time while they are all printable ASCII (for
        // JSON, any ASCII but NUL; JSON rejects controls where they matter).
        if i + 8 <= n {
          let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
          let low = yaml ? 0x2020_2020_2020_2020 as UInt64 : 0x0101_0101_0101_0101
          // Bytes below `low`, by the classic "has less than" bit trick.
          let below = (w &- low) & ~w & 0x8080_8080_8080_8080
          let del = yaml ? ((w ^ 0x7F7F_7F7F_7F7F_7F7F) &- 0x0101_0101_0101_0101) & ~(w ^ 0x7F7F_7F7F_7F7F_7F7F) & 0x8080_8080_8080_8080 : 0
          if w & 0x8080_8080_8080_8080 == 0, below == 0, del == 0 {
            i += 8
            continue
          }
        }
        let b = base[i]
        if b < 0x80 {
          if b == 0 { return Failure(offset: i, kind: .nulByte) }
          if yaml, b < 0x20 || b == 0x7F, b != 0x09, b != 0x0A, b != 0x0D {
            return Failure(offset: i, kind: .disallowedCharacter(UInt32(b)))
          }
          i += 1
          continue
        }
        var need = 0, scalar: UInt32 = 0, minimum: UInt32 = 0
        switch b {
        case 0xC2...0xDF: need = 1; scalar = UInt32(b & 0x1F); minimum = 0x80
        case 0xE0...0xEF: need = 2; scalar = UInt32(b & 0x0F); minimum = 0x800
        case 0xF0...0xF4: need = 3; scalar = UInt32(b & 0x07); minimum = 0x10000
        default: return Failure(offset: i, kind: .invalidUTF8(byte: b))
        }
        for k in 1...need {
          guard i + k < n, base[i + k] & 0xC0 == 0x80 else {
            let at = i + k < n ? i + k : i
            return Failure(offset: at, kind: .invalidUTF8(byte: base[at]))
          }
          scalar = scalar << 6 | UInt32(base[i + k] & 0x3F)
        }
        if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
          return Failure(offset: i, kind: .invalidUTF8(byte: b))
        }
        if yaml, (0x80...0x9F).contains(scalar) && scalar != 0x85 || scalar == 0xFFFE || scalar == 0xFFFF {
          return Failure(offset: i, kind: .disallowedCharacter(scalar))
        }
        i += need + 1
      }
      return nil
    }
  }

  static func hex(_ b: UInt8) -> String {
    let digits = Array("0123456789abcdef")
    return "0x" + String(digits[Int(b >> 4)]) + String(digits[Int(b & 15)])
  }
}
