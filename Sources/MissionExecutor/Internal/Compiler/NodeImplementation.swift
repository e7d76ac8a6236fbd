import BosdynCore
import BosdynAPI
import SwiftProtobuf

/// Reading a node's implementation from the `type` oneof or the deprecated `impl` Any.
enum NodeImplementation {
  /// The node types this executor runs.
  static let supported: [any SwiftProtobuf.Message.Type] = [
    Bosdyn_Api_Mission_Sequence.self,
    Bosdyn_Api_Mission_Selector.self,
    Bosdyn_Api_Mission_Switch.self,
    Bosdyn_Api_Mission_Repeat.self,
    Bosdyn_Api_Mission_Retry.self,
    Bosdyn_Api_Mission_ForDuration.self,
    Bosdyn_Api_Mission_SimpleParallel.self,
    Bosdyn_Api_Mission_ParallelAnd.self,
    Bosdyn_Api_Mission_Sleep.self,
    Bosdyn_Api_Mission_ConstantResult.self,
    Bosdyn_Api_Mission_Condition.self,
    Bosdyn_Api_Mission_DefineBlackboard.self,
    Bosdyn_Api_Mission_SetBlackboard.self,
    Bosdyn_Api_Mission_FormatBlackboard.self,
    Bosdyn_Api_Mission_DateToBlackboard.self,
    Bosdyn_Api_Mission_Prompt.self,
    Bosdyn_Api_Mission_RemoteGrpc.self,
    Bosdyn_Api_Mission_RetainLease.self,
    Bosdyn_Api_Mission_BosdynRobotState.self,
    Bosdyn_Api_Mission_BosdynPowerRequest.self,
    Bosdyn_Api_Mission_BosdynRobotCommand.self,
    Bosdyn_Api_Mission_CreateMissionText.self,
    Bosdyn_Api_Mission_BosdynNavigateTo.self,
    Bosdyn_Api_Mission_BosdynNavigateRoute.self,
  ]

  /// What a node holds.
  enum Lookup {
    case implementation(any SwiftProtobuf.Message)
    case reference(String)
    case unsupported(typeName: String)
    case missing
    case undecodable(typeName: String, reason: String)
  }

  /// The node's implementation.
  ///
  /// - Parameter depthLimit: The protobuf decoding depth allowed when unpacking `impl`, which
  ///   must exceed SwiftProtobuf's default of 100 for deep trees packed in Any.
  static func lookup(_ node: Bosdyn_Api_Mission_Node, depthLimit: Int) -> Lookup {
    switch node.type {
    case .none:
      return .missing
    case .nodeReference(let id):
      return .reference(id)
    case .impl(let any):
      return Self.unpack(any, depthLimit: depthLimit)
    case .some(let type):
      let message = Self.message(of: type)
      let messageType = Swift.type(of: message)
      guard
        Self.supported.contains(where: { ObjectIdentifier($0) == ObjectIdentifier(messageType) })
      else {
        return .unsupported(typeName: messageType.protoMessageName)
      }
      return .implementation(message)
    }
  }

  private static func unpack(_ any: Google_Protobuf_Any, depthLimit: Int) -> Lookup {
    let typeName = String(any.typeURL.split(separator: "/").last ?? "")
    guard !typeName.isEmpty else { return .missing }
    guard let type = Self.supported.first(where: { $0.protoMessageName == typeName }) else {
      return .unsupported(typeName: typeName)
    }
    var options = BinaryDecodingOptions()
    options.messageDepthLimit = depthLimit
    do {
      return .implementation(try type.init(serializedBytes: any.value, options: options))
    } catch {
      return .undecodable(typeName: typeName, reason: String(describing: error))
    }
  }

  /// The message in a `type` oneof case.
  private static func message(of type: Bosdyn_Api_Mission_Node.OneOf_Type)
    -> any SwiftProtobuf.Message
  {
    switch type {
    case .impl(let value): value
    case .nodeReference: Google_Protobuf_StringValue()
    case .condition(let value): value
    case .sequence(let value): value
    case .selector(let value): value
    case .repeat(let value): value
    case .retainLease(let value): value
    case .retry(let value): value
    case .forDuration(let value): value
    case .bosdynDockState(let value): value
    case .bosdynPowerRequest(let value): value
    case .bosdynRobotState(let value): value
    case .bosdynRobotCommand(let value): value
    case .remoteGrpc(let value): value
    case .sleep(let value): value
    case .prompt(let value): value
    case .setBlackboard(let value): value
    case .dateToBlackboard(let value): value
    case .defineBlackboard(let value): value
    case .formatBlackboard(let value): value
    case .constantResult(let value): value
    case .bosdynNavigateRoute(let value): value
    case .bosdynNavigateTo(let value): value
    case .bosdynGraphNavState(let value): value
    case .bosdynGraphNavLocalize(let value): value
    case .bosdynRecordEvent(let value): value
    case .simpleParallel(let value): value
    case .spotCamPtz(let value): value
    case .spotCamStoreMedia(let value): value
    case .spotCamLed(let value): value
    case .spotCamFocusState(let value): value
    case .spotCamResetAutofocus(let value): value
    case .spotCamNamedPosition(let value): value
    case .storeMetadata(let value): value
    case .switch(let value): value
    case .dataAcquisition(let value): value
    case .dataAcquisitionOnInterruption(let value): value
    case .dock(let value): value
    case .restartWhenPaused(let value): value
    case .clearBehaviorFaults_p(let value): value
    case .bosdynGripperCameraParamsState(let value): value
    case .setGripperCameraParams(let value): value
    case .parallelAnd(let value): value
    case .setGraspOverride(let value): value
    case .executeChoreography(let value): value
    case .missionUploadChoreography(let value): value
    case .createMissionText(let value): value
    case .bosdynQueryStoredCaptures(let value): value
    case .dataAcquisitionLiveData(let value): value
    case .bosdynRecordEventOnInterruption(let value): value
    }
  }

  /// The child nodes a supported implementation holds, for collecting reference definitions.
  static func children(of message: any SwiftProtobuf.Message) -> [Bosdyn_Api_Mission_Node] {
    func one(_ has: Bool, _ node: Bosdyn_Api_Mission_Node) -> [Bosdyn_Api_Mission_Node] {
      has ? [node] : []
    }
    switch message {
    case let node as Bosdyn_Api_Mission_Sequence: return node.children
    case let node as Bosdyn_Api_Mission_Selector: return node.children
    case let node as Bosdyn_Api_Mission_ParallelAnd: return node.children
    case let node as Bosdyn_Api_Mission_Switch:
      return node.intChildren.sorted { $0.key < $1.key }.map(\.value)
        + one(node.hasDefaultChild, node.defaultChild)
    case let node as Bosdyn_Api_Mission_Repeat: return one(node.hasChild, node.child)
    case let node as Bosdyn_Api_Mission_Retry: return one(node.hasChild, node.child)
    case let node as Bosdyn_Api_Mission_ForDuration:
      return one(node.hasChild, node.child) + one(node.hasTimeoutChild, node.timeoutChild)
    case let node as Bosdyn_Api_Mission_SimpleParallel:
      return one(node.hasPrimary, node.primary) + one(node.hasSecondary, node.secondary)
    case let node as Bosdyn_Api_Mission_DefineBlackboard: return one(node.hasChild, node.child)
    case let node as Bosdyn_Api_Mission_Prompt: return one(node.hasChild, node.child)
    case let node as Bosdyn_Api_Mission_BosdynRobotState: return one(node.hasChild, node.child)
    case let node as Bosdyn_Api_Mission_CreateMissionText: return one(node.hasChild, node.child)
    default: return []
    }
  }
}
