import ArgumentParser
import BosdynCommandLine
import BosdynCore

extension ReplayMissionCommand {
  /// `autowalk --walk-directory DIR --walk-filename NAME`: a walk and its map, as the tablet
  /// records them.
  struct Autowalk: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Play an Autowalk walk: clear and upload its map, load the walk, localize and "
        + "play it.",
      discussion: """
        Reads DIR/graph, DIR/waypoint_snapshots/, DIR/edge_snapshots/ and DIR/missions/NAME \
        (the layout the tablet saves and build-walk writes), all before anything happens on the \
        robot. Once the robot stands the map is uploaded, the walk loaded through the Autowalk \
        service (a refusal names the failed elements) and the robot localized to the nearest \
        fiducial. \
        An operator question fails the run, as Autowalk's callbacks should never need one, \
        unless --allow-questions is given.
        """
    )

    @ParentCommand var parent: ReplayMissionCommand

    @Option(help: ArgumentHelp("The walk directory.", valueName: "directory"))
    var walkDirectory: String

    @Option(
      help: ArgumentHelp(
        "The walk's file name in the directory's missions/ folder.",
        valueName: "name"
      )
    )
    var walkFilename: String

    @Flag(help: "Skip the initial localization (the robot is already localized on this map).")
    var noloc = false

    @Flag(
      help: ArgumentHelp(
        "Wait for operator questions to be answered (bosdyn ROBOT mission answer) instead of "
          + "failing on the first one."
      )
    )
    var allowQuestions = false

    @Flag(
      help: ArgumentHelp(
        "Mark every edge of the uploaded map disable_alternate_route_finding (--strict-mode "
          + "does too)."
      )
    )
    var disableAlternateRouteFinding = false

    @OptionGroup var playback: PlaybackOptions

    func run() async throws {
      BosdynLogHandler.bootstrap(verbose: self.parent.verbose)
      // Until the robot is reached there is nothing to clean up: a signal while the files are
      // read ends the program at once, also when a script started it with SIGINT ignored.
      Interruption.restoreDefaultInterruptAction()
      let source: AutowalkMission
      do {
        source = try AutowalkMission(
          directory: self.walkDirectory,
          walkFileName: self.walkFilename,
          localizes: !self.noloc,
          failsOnQuestion: !self.allowQuestions,
          disablesAlternateRouteFinding: self.disableAlternateRouteFinding
            || self.playback.strictMode
        )
      } catch {
        throw ReplayExit.failure("\(error)")
      }
      try await self.parent.replay(source, playback: self.playback.playback)
    }
  }
}
