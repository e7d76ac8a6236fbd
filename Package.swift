// swift-tools-version:6.1
import PackageDescription

/// Settings every target shares: Swift 6 mode and the upcoming features grpc-swift-2 and
/// Hummingbird build with, so that public API stays explicit about what it exposes.
let swiftSettings: [SwiftSetting] = [
  .swiftLanguageMode(.v6),
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("InternalImportsByDefault"),
  .enableUpcomingFeature("MemberImportVisibility"),
]

let grpcCore = Target.Dependency.product(name: "GRPCCore", package: "grpc-swift-2")
let grpcNIO = Target.Dependency.product(
  name: "GRPCNIOTransportHTTP2",
  package: "grpc-swift-nio-transport"
)
let grpcProtobuf = Target.Dependency.product(name: "GRPCProtobuf", package: "grpc-swift-protobuf")
let swiftProtobuf = Target.Dependency.product(name: "SwiftProtobuf", package: "swift-protobuf")
let logging = Target.Dependency.product(name: "Logging", package: "swift-log")
let lifecycle = Target.Dependency.product(
  name: "ServiceLifecycle",
  package: "swift-service-lifecycle"
)
let unixSignals = Target.Dependency.product(
  name: "UnixSignals",
  package: "swift-service-lifecycle"
)
let argumentParser = Target.Dependency.product(
  name: "ArgumentParser",
  package: "swift-argument-parser"
)
let nioCore = Target.Dependency.product(name: "NIOCore", package: "swift-nio")
let nioPosix = Target.Dependency.product(name: "NIOPosix", package: "swift-nio")
let nioHTTP2 = Target.Dependency.product(name: "NIOHTTP2", package: "swift-nio-http2")
let nioSSL = Target.Dependency.product(name: "NIOSSL", package: "swift-nio-ssl")
let nioHPACK = Target.Dependency.product(name: "NIOHPACK", package: "swift-nio-http2")
let nioTLS = Target.Dependency.product(name: "NIOTLS", package: "swift-nio")
let nioEmbedded = Target.Dependency.product(name: "NIOEmbedded", package: "swift-nio")
let x509 = Target.Dependency.product(name: "X509", package: "swift-certificates")
let asn1 = Target.Dependency.product(name: "SwiftASN1", package: "swift-asn1")
let crypto = Target.Dependency.product(name: "Crypto", package: "swift-crypto")
let jwt = Target.Dependency.product(name: "JWTKit", package: "jwt-kit")
let clocks = Target.Dependency.product(name: "Clocks", package: "swift-clocks")
let hummingbird = Target.Dependency.product(name: "Hummingbird", package: "hummingbird")
let hummingbirdTesting = Target.Dependency.product(
  name: "HummingbirdTesting",
  package: "hummingbird"
)
let httpTypes = Target.Dependency.product(name: "HTTPTypes", package: "swift-http-types")

let package = Package(
  name: "spot-remote-mission-swift",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "BosdynAPI", targets: ["BosdynAPI"]),
    .library(name: "BosdynCore", targets: ["BosdynCore"]),
    .library(name: "BosdynClient", targets: ["BosdynClient"]),
    .library(name: "BosdynMission", targets: ["BosdynMission"]),
    .library(name: "BosdynMissionTesting", targets: ["BosdynMissionTesting"]),
    .library(name: "ServiceCustomization", targets: ["ServiceCustomization"]),
    .executable(name: "hello-world-mission-service", targets: ["hello-world-mission-service"]),
    .executable(name: "remote-mission-client", targets: ["remote-mission-client"]),
    .executable(name: "build-mission", targets: ["build-mission"]),
    .executable(name: "replay-mission", targets: ["replay-mission"]),
    .library(name: "BosdynRobot", targets: ["BosdynRobot"]),
    .library(name: "GRPCRelay", targets: ["GRPCRelay"]),
    .library(name: "SpotSimulator", targets: ["SpotSimulator"]),
    .library(name: "BosdynServiceRunner", targets: ["BosdynServiceRunner"]),
    .executable(name: "spot-sim", targets: ["spot-sim"]),
    .executable(name: "bosdyn", targets: ["bosdyn"]),
    .executable(name: "power-off-mission-service", targets: ["power-off-mission-service"]),
    .library(name: "MissionExecutor", targets: ["MissionExecutor"]),
    .library(name: "AutowalkCompiler", targets: ["AutowalkCompiler"]),
    .executable(name: "build-walk", targets: ["build-walk"]),
    .library(name: "SpotConsole", targets: ["SpotConsole"]),
  ],
  dependencies: [
    .package(url: "https://github.com/grpc/grpc-swift-2.git", from: "2.4.3"),
    .package(url: "https://github.com/grpc/grpc-swift-nio-transport.git", from: "2.9.2"),
    .package(url: "https://github.com/grpc/grpc-swift-protobuf.git", from: "2.4.1"),
    .package(url: "https://github.com/apple/swift-protobuf.git", from: "1.39.0"),
    .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-nio-http2.git", from: "1.46.0"),
    .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
    .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
    .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
    .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
    .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.8.0"),
    .package(url: "https://github.com/pointfreeco/swift-clocks.git", from: "1.1.1"),
    // The console's HTTP server; its default traits (swift-configuration, full Foundation) are
    // not needed.
    .package(
      url: "https://github.com/hummingbird-project/hummingbird.git",
      from: "2.28.1",
      traits: []
    ),
    .package(url: "https://github.com/apple/swift-http-types.git", from: "1.5.1"),
  ],
  targets: [
    // Generated by Scripts/generate-api.sh from bosdyn-api 5.2.0. Never edited by hand.
    .target(
      name: "BosdynAPI",
      dependencies: [grpcCore, grpcProtobuf, swiftProtobuf],
      swiftSettings: [.swiftLanguageMode(.v6)]
    ),
    // What every layer shares: errors, request and response headers, leases, log format, event
    // loops, clocks, the registration liveness probe.
    .target(
      name: "BosdynCore",
      dependencies: [
        "BosdynAPI", grpcCore, grpcProtobuf, swiftProtobuf, logging, lifecycle, nioCore, nioPosix,
        clocks,
      ],
      swiftSettings: swiftSettings
    ),
    // The client of a remote mission service (Python's bosdyn.mission.remote_client).
    .target(
      name: "BosdynClient",
      dependencies: ["BosdynAPI", "BosdynCore", grpcCore, grpcNIO, grpcProtobuf, swiftProtobuf],
      swiftSettings: swiftSettings
    ),
    // Server framework for remote mission services, and mission building.
    .target(
      name: "BosdynMission",
      dependencies: [
        "BosdynAPI", "BosdynCore", grpcCore, grpcNIO, swiftProtobuf, logging, lifecycle, nioCore,
        nioPosix,
      ],
      swiftSettings: swiftSettings
    ),
    // A test kit for users' own callbacks: real gRPC on loopback, in-process.
    .target(
      name: "BosdynMissionTesting",
      dependencies: ["BosdynMission", "BosdynClient", "BosdynCore", grpcNIO, logging],
      swiftSettings: swiftSettings
    ),
    // Service customization: parameter specs, their validation, coercion and typed values.
    .target(
      name: "ServiceCustomization",
      dependencies: ["BosdynAPI", swiftProtobuf],
      swiftSettings: swiftSettings
    ),
    // The robot client stack: TLS connection per authority, tokens, directory, registration
    // keep-alive, time sync, leases, power, robot command and state.
    .target(
      name: "BosdynRobot",
      dependencies: [
        "BosdynAPI", "BosdynCore", "BosdynClient", grpcCore, grpcNIO, grpcProtobuf, swiftProtobuf,
        logging, lifecycle, nioCore, nioPosix, nioSSL,
      ],
      swiftSettings: swiftSettings
    ),
    // Running services until SIGINT/SIGTERM, and a mission service registered with a robot:
    // log-in with retry, directory keep-alive, shutdown in order.
    .target(
      name: "BosdynServiceRunner",
      dependencies: [
        "BosdynRobot", "BosdynMission", "BosdynCore", logging, lifecycle, unixSignals,
      ],
      swiftSettings: swiftSettings
    ),
    // A TLS HTTP/2 proxy that relays gRPC calls to plaintext services chosen by `:authority`.
    .target(
      name: "GRPCRelay",
      dependencies: [
        "BosdynCore", grpcCore, logging, lifecycle, nioCore, nioPosix, nioHTTP2, nioHPACK, nioSSL,
        nioTLS,
      ],
      swiftSettings: swiftSettings
    ),
    // Where the simulated robot keeps its files and which user it starts with; shared by the
    // simulator and the programs that find it without flags.
    .target(
      name: "SimulatorDefaults",
      swiftSettings: swiftSettings
    ),
    // The simulated Spot: certificates, auth with JWTs, directory, leases, power, behind the
    // relay.
    .target(
      name: "SpotSimulator",
      dependencies: [
        "BosdynAPI", "BosdynCore", "GRPCRelay", "MissionExecutor", "AutowalkCompiler",
        "SimulatorDefaults", grpcCore,
        grpcNIO,
        grpcProtobuf, swiftProtobuf, logging, lifecycle, nioCore, nioPosix, nioSSL, x509, asn1,
        crypto, jwt, clocks,
      ],
      swiftSettings: swiftSettings
    ),
    // The document's example servicers, as a library so tests can host them in-process.
    .target(
      name: "ExampleServicers",
      dependencies: [
        "BosdynMission", "BosdynCore", "BosdynRobot", "BosdynAPI", "ServiceCustomization",
        logging, swiftProtobuf,
      ],
      swiftSettings: swiftSettings
    ),
    // The mission behaviour-tree executor: compiles `bosdyn.api.mission.Node` trees and runs them
    // on an injected clock, calling remote mission services through an environment.
    .target(
      name: "MissionExecutor",
      dependencies: [
        "BosdynAPI", "BosdynCore", "BosdynClient", "ServiceCustomization", grpcCore, swiftProtobuf,
        logging, lifecycle, clocks,
      ],
      swiftSettings: swiftSettings
    ),
    // Compiles Autowalk walks into mission trees (the Autowalk service's compiler), and writes
    // and reads walk directories.
    .target(
      name: "AutowalkCompiler",
      dependencies: ["BosdynAPI", "BosdynCore", "BosdynMission", swiftProtobuf],
      swiftSettings: swiftSettings
    ),
    // Prints the cost of an executor cycle over a tree of plain nodes (build with -c release).
    .executableTarget(
      name: "mission-executor-bench",
      dependencies: [
        "MissionExecutor", "AutowalkCompiler", "BosdynAPI", "BosdynCore", argumentParser, clocks,
        grpcCore, grpcNIO, swiftProtobuf,
      ],
      swiftSettings: swiftSettings
    ),
    // The simulated robot's web console: what the tablet shows of the robot and its callbacks
    // (sign-in, robot state, callbacks, their customization forms, running them), served by
    // Hummingbird with every asset compiled in; walks play on the robot's mission service.
    .target(
      name: "SpotConsole",
      dependencies: [
        "SpotSimulator", "BosdynAPI", "BosdynCore", "BosdynMission", "MissionExecutor",
        "AutowalkCompiler", "ServiceCustomization", hummingbird, httpTypes, grpcCore, grpcNIO,
        swiftProtobuf, logging,
        lifecycle, nioCore,
      ],
      swiftSettings: swiftSettings
    ),
    // Command-line option types every program shares (like bosdyn.client.util's argument
    // helpers): the robot, its CA and credentials, a service's endpoint.
    .target(
      name: "BosdynCommandLine",
      dependencies: [
        "BosdynRobot", "BosdynCore", "BosdynAPI", "SimulatorDefaults", argumentParser, logging,
        unixSignals,
      ],
      swiftSettings: swiftSettings
    ),
    .executableTarget(
      name: "spot-sim",
      dependencies: [
        "SpotSimulator", "SpotConsole", "BosdynCore", "BosdynServiceRunner", "BosdynCommandLine",
        "SimulatorDefaults", argumentParser, logging, lifecycle,
      ],
      swiftSettings: swiftSettings
    ),
    .executableTarget(
      name: "bosdyn",
      dependencies: [
        "BosdynRobot", "BosdynCore", "BosdynCommandLine", "SimulatorDefaults", "BosdynAPI",
        argumentParser, logging, swiftProtobuf,
      ],
      swiftSettings: swiftSettings
    ),
    .executableTarget(
      name: "power-off-mission-service",
      dependencies: [
        "BosdynMission", "BosdynCore", "BosdynRobot", "BosdynCommandLine", "BosdynServiceRunner",
        "ExampleServicers", argumentParser, logging, lifecycle,
      ],
      swiftSettings: swiftSettings
    ),
    // The document's programs, thin wrappers over the libraries.
    .executableTarget(
      name: "hello-world-mission-service",
      dependencies: [
        "BosdynMission", "BosdynCore", "BosdynRobot", "BosdynCommandLine", "BosdynServiceRunner",
        "ExampleServicers", "ServiceCustomization", argumentParser, logging, lifecycle, nioPosix,
      ],
      swiftSettings: swiftSettings
    ),
    .executableTarget(
      name: "remote-mission-client",
      dependencies: [
        "BosdynClient", "BosdynCore", "BosdynRobot", "BosdynCommandLine", "BosdynAPI",
        argumentParser, grpcCore, grpcNIO, nioPosix, logging,
      ],
      swiftSettings: swiftSettings
    ),
    // Boston Dynamics' replay_mission example: play a mission file on a robot until it ends.
    .executableTarget(
      name: "replay-mission",
      dependencies: [
        "BosdynRobot", "BosdynCore", "BosdynCommandLine", "BosdynAPI", "AutowalkCompiler",
        argumentParser, logging, swiftProtobuf,
      ],
      swiftSettings: swiftSettings
    ),
    .executableTarget(
      name: "build-mission",
      dependencies: ["BosdynMission", "BosdynCore", "BosdynAPI", argumentParser, swiftProtobuf],
      swiftSettings: swiftSettings
    ),
    // Writes a walk directory (map and walk) without a tablet.
    .executableTarget(
      name: "build-walk",
      dependencies: [
        "AutowalkCompiler", "BosdynRobot", "BosdynClient", "BosdynCore", "BosdynCommandLine",
        "BosdynAPI", argumentParser, logging,
      ],
      swiftSettings: swiftSettings
    ),
    // What several test targets share: child processes and the Python peer.
    .target(
      name: "TestSupport",
      dependencies: [
        "BosdynCore", "BosdynRobot", "SpotSimulator", logging, clocks,
        .product(name: "InMemoryLogging", package: "swift-log"),
      ],
      path: "Tests/TestSupport",
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "BosdynCoreTests",
      dependencies: ["BosdynCore", "BosdynAPI", "TestSupport", logging],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "BosdynClientTests",
      dependencies: [
        "BosdynClient", "BosdynCore", "BosdynMission", "BosdynAPI", "BosdynMissionTesting",
        "TestSupport", grpcCore, grpcNIO, logging,
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "BosdynMissionTests",
      dependencies: [
        "BosdynMission", "BosdynCore", "BosdynClient", "BosdynAPI", "ExampleServicers",
        "BosdynMissionTesting", "MissionExecutor", grpcCore, grpcNIO, grpcProtobuf, swiftProtobuf,
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "InteropTests",
      dependencies: [
        "BosdynMission", "BosdynCore", "BosdynClient", "BosdynAPI", "ExampleServicers",
        "BosdynMissionTesting", "BosdynRobot", "SpotSimulator", "MissionExecutor", "TestSupport",
        "AutowalkCompiler",
        grpcCore, grpcNIO, swiftProtobuf,
      ],
      exclude: ["Python"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "GRPCRelayTests",
      dependencies: [
        "GRPCRelay", "SpotSimulator", "BosdynCore", "BosdynAPI", "TestSupport", grpcCore, grpcNIO,
        grpcProtobuf, swiftProtobuf, logging, nioCore, nioPosix, nioHTTP2, nioHPACK, nioSSL, nioTLS,
        nioEmbedded,
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "SpotSimulatorTests",
      dependencies: [
        "SpotSimulator", "GRPCRelay", "BosdynRobot", "BosdynCore", "BosdynAPI", "SimulatorDefaults",
        "TestSupport", "AutowalkCompiler", grpcCore, grpcNIO, swiftProtobuf, logging, nioCore,
        nioPosix, nioSSL, x509, asn1, crypto,
        jwt, clocks,
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "BosdynRobotTests",
      dependencies: [
        "BosdynRobot", "SpotSimulator", "BosdynCore", "BosdynClient", "BosdynMission",
        "BosdynMissionTesting", "ExampleServicers", "BosdynAPI", "TestSupport", "AutowalkCompiler",
        grpcCore, grpcNIO, swiftProtobuf, logging, clocks,
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "MissionExecutorTests",
      dependencies: [
        "MissionExecutor", "BosdynAPI", "BosdynClient", "BosdynMission", "BosdynMissionTesting",
        "ExampleServicers", "ServiceCustomization", "TestSupport", clocks, grpcCore, grpcNIO,
        logging,
        swiftProtobuf,
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "AutowalkCompilerTests",
      dependencies: [
        "AutowalkCompiler", "MissionExecutor", "SpotSimulator", "BosdynMission", "BosdynAPI",
        "BosdynCore", "TestSupport", clocks, swiftProtobuf,
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "SpotConsoleTests",
      dependencies: [
        "SpotConsole", "SpotSimulator", "ServiceCustomization", "ExampleServicers",
        "BosdynMission", "BosdynMissionTesting", "MissionExecutor", "BosdynAPI", "BosdynCore",
        "AutowalkCompiler", "TestSupport",
        hummingbird, hummingbirdTesting, httpTypes, grpcCore, grpcNIO, swiftProtobuf, logging,
        nioCore,
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "BosdynCommandLineTests",
      dependencies: ["BosdynCommandLine", "BosdynAPI", unixSignals],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "ServiceCustomizationTests",
      dependencies: ["ServiceCustomization", "ExampleServicers", "BosdynAPI", swiftProtobuf],
      resources: [.copy("Fixtures")],
      swiftSettings: swiftSettings
    ),
  ]
)
