"""The official Python MissionClient (bosdyn-mission 5.2.0) against a robot's mission service, as
an operator's tool would drive it: every call on its main path and every typed error it can
raise. Builds its missions with the official protos, so the robot parses what Python wrote.

Prints one JSON object: for each step, what the SDK returned or the name of the exception it
raised (`{"error": "<class>", ...}` for anything unexpected)."""

import json
import sys
import time

import bosdyn.client
from bosdyn.api import service_customization_pb2
from bosdyn.api.mission import mission_pb2, nodes_pb2
from bosdyn.client.lease import LeaseClient, LeaseKeepAlive
from bosdyn.mission.client import MissionClient

from robot_common import connect, robot_arguments

STATUS = mission_pb2.State.Status.Name


def prompt_mission():
    """Asks "Go on?" (1 yes, 2 no), then sleeps for a minute: long enough to pause, stop and
    restart while it runs."""
    root = nodes_pb2.Node(name='Ask')
    root.prompt.text = 'Go on?'
    root.prompt.source = 'answer'
    root.prompt.options_list.options.add(text='yes', answer_code=1)
    root.prompt.options_list.options.add(text='no', answer_code=2)
    root.prompt.child.name = 'Wait'
    root.prompt.child.sleep.seconds = 60
    return root


def custom_params_mission():
    """Asks for a speed between 0 and 10 as a custom parameter, then succeeds."""
    root = nodes_pb2.Node(name='Ask speed')
    root.prompt.text = 'How fast?'
    root.prompt.source = 'speed'
    spec = root.prompt.custom_params.specs['speed'].spec.int_spec
    spec.default_value.value = 1
    spec.min_value.value = 0
    spec.max_value.value = 10
    return root


def unknown_type_mission():
    root = nodes_pb2.Node(name='Mystery')
    root.impl.type_url = 'type.googleapis.com/bosdyn.api.mission.NoSuchNode'
    return root


def cyclic_mission():
    root = nodes_pb2.Node(name='Loop', reference_id='loop')
    root.sequence.children.add(name='Again', node_reference='loop')
    return root


def deep_packed_mission(depth):
    """Sequences nested `depth` levels in the deprecated `impl` Any, as build_mission.py writes
    them: shallow on the wire. (The SDK cannot send a tree nested in the `type` oneof deeper
    than about 50 levels: LoadMissionRequest(root=...) copies it through upb's parser.)"""
    node = nodes_pb2.Node(name='leaf')
    node.impl.Pack(nodes_pb2.Sleep(seconds=1))
    for level in range(depth):
        sequence = nodes_pb2.Sequence()
        sequence.children.add().CopyFrom(node)
        parent = nodes_pb2.Node(name='level {}'.format(level))
        parent.impl.Pack(sequence)
        node = parent
    return node


def missing_service_mission():
    root = nodes_pb2.Node(name='Call nobody')
    root.remote_grpc.host = 'localhost'
    root.remote_grpc.service_name = 'no-such-callback'
    return root


class Tour:
    """Runs steps and records each one's outcome in `result`."""

    def __init__(self):
        self.result = {}

    def error_of(self, name, call):
        """Records the class name of the exception `call` raises (or "no error")."""
        try:
            call()
            self.result[name] = 'no error'
            return None
        except bosdyn.client.Error as error:
            self.result[name] = type(error).__name__
            return error

    def wait_for(self, missions, what, condition, timeout=10):
        """Polls GetState until `condition(state)` holds."""
        deadline = time.time() + timeout
        while True:
            state = missions.get_state()
            if condition(state):
                return state
            if time.time() > deadline:
                raise RuntimeError('timed out waiting for {}: {}'.format(what, state))
            time.sleep(0.02)


def state_summary(state):
    return {
        'status': STATUS(state.status),
        'tick_counter': state.tick_counter,
        'mission_id': state.mission_id,
        'history': [tick.tick_counter for tick in state.history],
    }


def node_names(info):
    names = []
    pending = [info]
    while pending:
        node = pending.pop(0)
        names.append(node.name)
        pending.extend(node.children)
    return names


def run(options, tour):
    result = tour.result
    robot = connect(options, 'PythonMissionTour', service_clients=[MissionClient])
    robot.time_sync.wait_for_sync(timeout_sec=10)
    lease_client = robot.ensure_client(LeaseClient.default_service_name)
    missions = robot.ensure_client(MissionClient.default_service_name)

    # Nothing loaded yet.
    result['initial_state'] = state_summary(missions.get_state())
    result['initial_info_is_none'] = missions.get_info() is None
    result['initial_mission_has_root'] = missions.get_mission().HasField('root')

    lease_client.acquire()
    with LeaseKeepAlive(lease_client, rpc_interval_seconds=1):
        now = time.time
        tour.error_of('play_before_load', lambda: missions.play_mission(now() + 5))
        tour.error_of('restart_before_load', lambda: missions.restart_mission(now() + 5))
        tour.error_of('pause_before_load', missions.pause_mission)
        tour.error_of('stop_before_load', missions.stop_mission)

        # Missions the robot refuses; none of them replaces what is loaded (nothing).
        error = tour.error_of('unknown_type', lambda: missions.load_mission(unknown_type_mission()))
        result['unknown_type_failed_nodes'] = [(n.name, n.error)
                                               for n in error.response.failed_nodes]
        error = tour.error_of('cyclic', lambda: missions.load_mission(cyclic_mission()))
        result['cyclic_failed_nodes'] = [(n.name, n.error) for n in error.response.failed_nodes]
        tour.error_of('deep_chunked',
                      lambda: missions.load_mission_as_chunks2(deep_packed_mission(300)))
        tour.error_of('deep_packed', lambda: missions.load_mission(deep_packed_mission(300)))
        error = tour.error_of('missing_service',
                              lambda: missions.load_mission(missing_service_mission()))
        result['missing_service_message'] = str(error)
        result['state_after_refusals'] = state_summary(missions.get_state())

        # The main path: load three ways, read it back, play, answer, pause, stop, restart.
        mission = prompt_mission()
        loaded = missions.load_mission(mission)
        result['load_status'] = mission_pb2.LoadMissionResponse.Status.Name(loaded.status)
        info = missions.get_info()
        result['info_names'] = node_names(info.root)
        result['info_ids_distinct'] = len({info.root.id, info.root.children[0].id}) == 2
        got = missions.get_mission()
        result['get_mission_matches'] = got.root == mission
        result['get_mission_id'] = got.id
        # Both fall back to the unary RPCs on UNIMPLEMENTED: ask the chunked ones directly too.
        result['chunked_info_matches'] = missions._get_info_as_chunks_call(
            mission_pb2.GetInfoRequest()) == info
        result['chunked_mission_matches'] = missions._get_mission_as_chunks_call(
            mission_pb2.GetMissionRequest()).root == mission
        result['state_after_load'] = state_summary(missions.get_state())
        tour.error_of('pause_after_load', missions.pause_mission)
        chunked2 = missions.load_mission_as_chunks2(mission)
        result['chunks2_status'] = mission_pb2.LoadMissionResponse.Status.Name(chunked2.status)
        result['chunks2_mission_id'] = missions.get_state().mission_id
        chunked = missions.load_mission_as_chunks(mission)
        result['chunks_status'] = mission_pb2.LoadMissionResponse.Status.Name(chunked.status)
        result['chunks_mission_id'] = missions.get_state().mission_id

        missions.play_mission(now() + 10)
        state = tour.wait_for(missions, 'the question', lambda s: len(s.questions) == 1)
        question = state.questions[0]
        result['question'] = {
            'text': question.text,
            'source': question.source,
            'codes': [option.answer_code for option in question.options],
            'status': STATUS(state.status),
        }
        tour.error_of('wrong_question', lambda: missions.answer_question(question.id + 1000, 1))
        tour.error_of('wrong_code', lambda: missions.answer_question(question.id, 99))
        tour.error_of('right_answer', lambda: missions.answer_question(question.id, 1))
        tour.error_of('second_answer', lambda: missions.answer_question(question.id, 1))

        # History: ticks asked for by bounds, newest first.
        state = tour.wait_for(missions, 'six ticks', lambda s: s.tick_counter >= 6)
        upper = state.tick_counter - 1
        bounded = missions.get_state(upper_tick_bound=upper, lower_tick_bound=upper - 2)
        past = missions.get_state(upper_tick_bound=upper, past_ticks=2)
        latest = missions.get_state()
        result['history'] = {
            'upper': upper,
            'bounded': [tick.tick_counter for tick in bounded.history],
            'past': [tick.tick_counter for tick in past.history],
            'latest_len': len(latest.history),
            'latest_is_current': latest.history[0].tick_counter == latest.tick_counter,
            'answered': [q.accepted_answer_code for q in latest.answered_questions],
        }

        missions.pause_mission()
        paused = tour.wait_for(missions, 'PAUSED', lambda s: s.status == s.STATUS_PAUSED)
        time.sleep(0.3)  # at 50 Hz, 15 cycles in which a paused mission must not tick
        result['pause'] = {
            'status': STATUS(paused.status),
            'ticks_frozen': missions.get_state().tick_counter == paused.tick_counter,
        }
        missions.play_mission(now() + 10)
        resumed = tour.wait_for(missions, 'a tick after resuming',
                                lambda s: s.tick_counter > paused.tick_counter)
        result['resume'] = {'status': STATUS(resumed.status), 'questions': len(resumed.questions)}

        missions.stop_mission()
        stopped = tour.wait_for(missions, 'STOPPED', lambda s: s.status == s.STATUS_STOPPED)
        missions.play_mission(now() + 10)
        time.sleep(0.3)  # a stopped mission must not resume on play
        after_play = missions.get_state()
        result['stop'] = {
            'status': STATUS(stopped.status),
            'after_play': STATUS(after_play.status),
            'ticks_frozen': after_play.tick_counter == stopped.tick_counter,
        }
        missions.restart_mission(now() + 10)
        restarted = tour.wait_for(missions, 'the question asked again',
                                  lambda s: len(s.questions) == 1)
        result['restart'] = {
            'status': STATUS(restarted.status),
            'tick_counter_reset': restarted.tick_counter < stopped.tick_counter,
            'new_question_id': restarted.questions[0].id != question.id,
        }

        # Heartbeat: a play whose pause time passes pauses by itself (time sync converts it).
        started = time.time()
        missions.play_mission(now() + 0.5)
        tour.wait_for(missions, 'the heartbeat pause', lambda s: s.status == s.STATUS_PAUSED)
        result['heartbeat_paused_after'] = time.time() - started

        # Custom params answers are validated against the prompt's spec.
        missions.load_mission(custom_params_mission())
        missions.play_mission(now() + 10)
        state = tour.wait_for(missions, 'the speed question', lambda s: len(s.questions) == 1)
        asked = state.questions[0]
        too_fast = service_customization_pb2.DictParam()
        too_fast.values['speed'].int_value.value = 42
        error = tour.error_of('custom_params',
                              lambda: missions.answer_question(asked.id, custom_params=too_fast))
        custom_error = error.response.custom_param_error
        result['custom_param_error'] = {
            'status': service_customization_pb2.CustomParamError.Status.Name(custom_error.status),
            'messages': list(custom_error.error_messages),
        }
        fine = service_customization_pb2.DictParam()
        fine.values['speed'].int_value.value = 7
        tour.error_of('custom_params_fine',
                      lambda: missions.answer_question(asked.id, custom_params=fine))
        done = tour.wait_for(missions, 'SUCCESS', lambda s: s.status == s.STATUS_SUCCESS)
        result['custom_params_mission'] = STATUS(done.status)

        # Another client takes the body lease: this client's next play is refused.
        thief = connect(options, 'PythonMissionThief')
        thief.ensure_client(LeaseClient.default_service_name).take()
        tour.error_of('stale_lease_play', lambda: missions.play_mission(now() + 10))


def main():
    options = robot_arguments(__doc__).parse_args()
    tour = Tour()
    try:
        run(options, tour)
    except Exception as error:  # reported to the test with everything gathered so far
        tour.result['error'] = type(error).__name__
        tour.result['message'] = str(error)
    print(json.dumps(tour.result))
    sys.stdout.flush()


if __name__ == '__main__':
    main()
