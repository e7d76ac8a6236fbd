public import BosdynAPI

// Short names for the remote mission messages, so code reads like the Python SDK's
// `remote_pb2.TickRequest` rather than the generated `Bosdyn_Api_Mission_TickRequest`.

/// `bosdyn.api.mission.EstablishSessionRequest`.
public typealias EstablishSessionRequest = Bosdyn_Api_Mission_EstablishSessionRequest
/// `bosdyn.api.mission.EstablishSessionResponse`.
public typealias EstablishSessionResponse = Bosdyn_Api_Mission_EstablishSessionResponse
/// `bosdyn.api.mission.TickRequest`.
public typealias TickRequest = Bosdyn_Api_Mission_TickRequest
/// `bosdyn.api.mission.TickResponse`.
public typealias TickResponse = Bosdyn_Api_Mission_TickResponse
/// `bosdyn.api.mission.StopRequest`.
public typealias StopRequest = Bosdyn_Api_Mission_StopRequest
/// `bosdyn.api.mission.StopResponse`.
public typealias StopResponse = Bosdyn_Api_Mission_StopResponse
/// `bosdyn.api.mission.TeardownSessionRequest`.
public typealias TeardownSessionRequest = Bosdyn_Api_Mission_TeardownSessionRequest
/// `bosdyn.api.mission.TeardownSessionResponse`.
public typealias TeardownSessionResponse = Bosdyn_Api_Mission_TeardownSessionResponse
/// `bosdyn.api.mission.GetRemoteMissionServiceInfoRequest`.
public typealias ServiceInfoRequest = Bosdyn_Api_Mission_GetRemoteMissionServiceInfoRequest
/// `bosdyn.api.mission.GetRemoteMissionServiceInfoResponse`.
public typealias ServiceInfoResponse = Bosdyn_Api_Mission_GetRemoteMissionServiceInfoResponse
/// `bosdyn.api.mission.KeyValue`: a named input value passed to a remote mission service.
public typealias KeyValue = Bosdyn_Api_Mission_KeyValue
/// `bosdyn.api.mission.VariableDeclaration`: the name and type of an input.
public typealias VariableDeclaration = Bosdyn_Api_Mission_VariableDeclaration
/// `bosdyn.api.Lease`.
public typealias Lease = Bosdyn_Api_Lease
/// `bosdyn.api.DictParam`: the custom parameters a service is ticked with.
public typealias DictParam = Bosdyn_Api_DictParam
