import ArgumentParser
import Foundation
import SimulatorDefaults
import SpotSimulator

extension SpotSimCommand {
  /// `spot-sim trust-python VENV [--remove]`: the simulator's CA into (or out of) a venv's
  /// `bosdyn-client` CA bundle, so Boston Dynamics' unmodified examples reach the simulator.
  struct TrustPython: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "trust-python",
      abstract: "Make a Python venv's bosdyn-client trust this simulator's CA.",
      discussion: """
        Boston Dynamics' Python examples trust only the CA bundled with bosdyn-client \
        (bosdyn/client/resources/robot.pem, which Sdk.load_robot_cert() loads). This appends \
        the simulator's CA (DATA-DIR/ca.pem) to that file between two marker lines; Boston \
        Dynamics' CA stays, so the venv still reaches real robots. Running it again changes \
        nothing (or replaces an older simulator CA); --remove takes the lines out again.

        The examples connect to port 443: run `spot-sim` as root (it then listens on 443) and, \
        for example:
          BOSDYN_CLIENT_USERNAME=user BOSDYN_CLIENT_PASSWORD=password \\
            VENV/bin/python replay_mission.py 127.0.0.1 simple mission.pb
        """
    )

    @Argument(help: ArgumentHelp("The virtual environment with bosdyn-client.", valueName: "venv"))
    var venv: String

    @Option(
      help: ArgumentHelp(
        "The simulator data directory whose CA to trust.",
        discussion: "Default: $SPOT_SIM_DATA_DIR, else $XDG_DATA_HOME/spot-sim, else "
          + "~/.local/share/spot-sim."
      )
    )
    var dataDir: String = SimulatorDefaults.dataDirectory

    @Flag(help: "Take the simulator's CA out of the venv's bundle again.")
    var remove = false

    func run() throws {
      do {
        let trust = try PythonVenvTrust(venv: self.venv)
        if self.remove {
          switch try trust.remove() {
          case .removed: print("Removed spot-sim's CA from \(trust.bundlePath).")
          default: print("\(trust.bundlePath) does not trust spot-sim's CA: nothing to remove.")
          }
          return
        }
        let caPath = self.dataDir + "/" + SimulatorDefaults.caCertificateFileName
        let caPEM: String
        do {
          caPEM = try String(contentsOfFile: caPath, encoding: .utf8)
        } catch {
          throw PythonVenvTrust.Failure(
            "No simulator CA at \(caPath): start spot-sim once with this --data-dir (it creates "
              + "its CA there), or pass the --data-dir it uses."
          )
        }
        switch try trust.add(caPEM: caPEM) {
        case .added:
          print(
            "Added spot-sim's CA (\(caPath)) to \(trust.bundlePath); Boston Dynamics' CA stays."
          )
        case .replaced:
          print("Replaced the spot-sim CA in \(trust.bundlePath) with \(caPath).")
        case .unchanged, .removed:
          print("\(trust.bundlePath) already trusts \(caPath).")
        }
      } catch let failure as PythonVenvTrust.Failure {
        FileHandle.standardError.write(Data((failure.description + "\n").utf8))
        throw ExitCode.failure
      }
    }
  }
}
