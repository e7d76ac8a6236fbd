public import BosdynAPI
public import SwiftProtobuf
import Foundation

/// How the chunked calls carry a message too large for one gRPC message: its serialized bytes
/// split into `bosdyn.api.DataChunk`s, each with the total size; the receiver concatenates the
/// data and parses the whole (Python's `bosdyn.client.data_chunk`).
public enum DataChunks {
  /// Why chunks do not make a message.
  public struct AssemblyError: Error, CustomStringConvertible {
    /// What was wrong.
    public let description: String
  }

  /// `message` serialized and cut into chunks of at most `size` bytes (at least one chunk).
  public static func split(_ message: some SwiftProtobuf.Message, size: Int) throws
    -> [Bosdyn_Api_DataChunk]
  {
    let bytes: [UInt8] = try message.serializedBytes()
    let size = max(1, size)
    var chunks: [Bosdyn_Api_DataChunk] = []
    var start = 0
    repeat {
      let end = min(bytes.count, start + size)
      var chunk = Bosdyn_Api_DataChunk()
      chunk.totalSize = UInt64(bytes.count)
      chunk.data = Data(bytes[start..<end])
      chunks.append(chunk)
      start = end
    } while start < bytes.count
    return chunks
  }

  /// The message the chunks carry.
  ///
  /// - Throws: ``AssemblyError`` when there are no chunks, their sizes disagree or do not add
  ///   up, or the bytes do not parse.
  ///
  /// - Parameters:
  ///   - chunks: The chunks, in order.
  ///   - type: The message they carry.
  ///   - decodingOptions: How to parse it (a deep mission needs a higher nesting limit).
  public static func join<Message: SwiftProtobuf.Message>(
    _ chunks: [Bosdyn_Api_DataChunk],
    as type: Message.Type = Message.self,
    decodingOptions: BinaryDecodingOptions = BinaryDecodingOptions()
  ) throws -> Message {
    guard let total = chunks.first?.totalSize else {
      throw AssemblyError(description: "no data chunks arrived")
    }
    guard chunks.allSatisfy({ $0.totalSize == total }) else {
      throw AssemblyError(description: "the chunks disagree on the total size")
    }
    var bytes = Data()
    for chunk in chunks { bytes.append(chunk.data) }
    guard UInt64(bytes.count) == total else {
      throw AssemblyError(
        description: "the chunks carry \(bytes.count) bytes, not the \(total) announced"
      )
    }
    do {
      return try Message(serializedBytes: bytes, options: decodingOptions)
    } catch {
      throw AssemblyError(description: "the chunks do not make a \(Message.protoMessageName)")
    }
  }
}
