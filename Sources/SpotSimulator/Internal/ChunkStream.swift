import BosdynAPI
import Foundation
import GRPCCore
import SwiftProtobuf

/// Reads a client stream whose messages each carry a `DataChunk` of one serialized message
/// (GraphNav's uploads, Autowalk's chunked requests): the bytes joined in order, the first
/// message (for its header and lease), or why the stream does not make one message. Stops
/// reading at the first chunk that contradicts the others or passes `limit`, so a bogus total
/// cannot make the robot allocate without bound.
struct ChunkStream<Message: Sendable> {
  /// The first message of the stream, if any arrived.
  var first: Message?
  /// The data of every chunk, in order.
  var bytes = Data()
  /// Why the chunks do not make a message, for a `CODE_INVALID_REQUEST` header.
  var problem: String?

  static func read(
    _ messages: RPCAsyncSequence<Message, any Error>,
    limit: UInt64,
    chunk: (Message) -> Bosdyn_Api_DataChunk
  ) async throws -> ChunkStream {
    var stream = ChunkStream()
    var total: UInt64?
    for try await message in messages {
      if stream.first == nil { stream.first = message }
      let piece = chunk(message)
      guard piece.totalSize <= limit else {
        stream.problem =
          "the chunks announce \(piece.totalSize) bytes, more than the \(limit) allowed"
        return stream
      }
      if let total, total != piece.totalSize {
        stream.problem = "the chunks disagree on the total size"
        return stream
      }
      total = piece.totalSize
      stream.bytes.append(piece.data)
      guard UInt64(stream.bytes.count) <= piece.totalSize else {
        stream.problem = "the chunks carry more than the \(piece.totalSize) bytes announced"
        return stream
      }
    }
    if stream.first == nil {
      stream.problem = "no data chunks arrived"
    } else if let total, UInt64(stream.bytes.count) != total {
      stream.problem = "the chunks carry \(stream.bytes.count) bytes, not the \(total) announced"
    }
    return stream
  }
}

/// Why a chunk stream does not make the message it should.
struct ChunkProblem: Error, CustomStringConvertible {
  let description: String
}

extension ChunkStream {
  /// The message the chunks carry.
  ///
  /// - Throws: ``ChunkProblem`` when the stream had a problem or the bytes do not parse.
  func decode<Decoded: SwiftProtobuf.Message>(
    _ type: Decoded.Type,
    options: BinaryDecodingOptions = BinaryDecodingOptions()
  ) throws(ChunkProblem) -> Decoded {
    if let problem = self.problem { throw ChunkProblem(description: problem) }
    do {
      return try Decoded(serializedBytes: self.bytes, options: options)
    } catch {
      throw ChunkProblem(description: "the chunks do not make a \(Decoded.protoMessageName)")
    }
  }
}
