"""A Python remote mission servicer whose spec has every type of service_customization.proto
(numbers with bounds and units, text with options, free or multi-line, a switch, a one-of, a
list of groups, a group hidden by default, a region of interest) and strings that try to inject
markup, for the console's browser tests. It ticks like python_servicer.py's countdown (RUNNING
twice, then SUCCESS). Registered in the robot's directory as `console-gallery`; prints
`REGISTERED console-gallery` and serves until stdin closes."""

import sys

from bosdyn.api import service_customization_pb2 as customization
from bosdyn.api import units_pb2
from bosdyn.api.mission import remote_pb2, remote_service_pb2_grpc
from bosdyn.client.directory_registration import (DirectoryRegistrationClient,
                                                  DirectoryRegistrationKeepAlive)
from bosdyn.client.server_util import GrpcServiceRunner, ResponseContext

from python_servicer import CountdownServicer
from robot_common import connect, robot_arguments


def child(dict_spec, key, order, name='', description=''):
    entry = dict_spec.specs[key]
    entry.ui_info.display_order = order
    if name:
        entry.ui_info.display_name = name
    if description:
        entry.ui_info.description = description
    return entry.spec


def gallery_spec():
    spec = customization.DictParam.Spec()

    speed = child(spec, 'speed', 1, 'Walking speed', 'How fast Spot walks to the inspection point')
    speed.double_spec.default_value.value = 0.5
    speed.double_spec.min_value.value = 0.0
    speed.double_spec.max_value.value = 1.6
    speed.double_spec.units.name = 'm/s'

    photos = child(spec, 'photos', 2, 'Photos to take')
    photos.int_spec.default_value.value = 3
    photos.int_spec.min_value.value = 1
    photos.int_spec.max_value.value = 10

    mode = child(spec, 'mode', 3, 'Mode')
    mode.string_spec.options.extend(['Inspect', 'Photograph', 'Thermal'])
    mode.string_spec.default_value = 'Inspect'

    label = child(spec, 'label', 4, 'Asset label', 'Pick one or type a new one')
    label.string_spec.options.extend(['Gauge A', 'Gauge B'])
    label.string_spec.editable = True
    label.string_spec.default_value = 'Gauge A'

    notes = child(spec, 'notes', 5, 'Notes for the operator')
    notes.string_spec.is_multiline = True
    notes.string_spec.editable = True

    lights = child(spec, 'lights', 6, 'Turn on the lights')
    lights.bool_spec.default_value.value = True

    target = child(spec, 'target', 7, 'Target')
    target.one_of_spec.default_key = 'gauge'
    gauge = target.one_of_spec.specs['gauge']
    gauge.ui_info.display_name = 'Gauge'
    gauge.ui_info.display_order = 1
    full_scale = child(gauge.spec, 'full_scale', 1, 'Full scale')
    full_scale.double_spec.default_value.value = 10.0
    full_scale.double_spec.min_value.value = 0.0
    full_scale.double_spec.units.press = units_pb2.PRESSURE_BAR
    valve = target.one_of_spec.specs['valve']
    valve.ui_info.display_name = 'Valve'
    valve.ui_info.display_order = 2
    state = child(valve.spec, 'expected', 1, 'Expected state')
    state.string_spec.options.extend(['open', 'closed'])
    state.string_spec.default_value = 'open'
    nothing = target.one_of_spec.specs['nothing']
    nothing.ui_info.display_name = 'Nothing'
    nothing.ui_info.display_order = 3
    nothing.spec.SetInParent()

    stops = child(spec, 'stops', 8, 'Stops', 'Where Spot pauses on the way')
    stops.list_spec.min_number_of_values.value = 1
    stops.list_spec.max_number_of_values.value = 4
    element = stops.list_spec.element_spec.dict_spec
    stop_name = child(element, 'name', 1, 'Name')
    stop_name.string_spec.default_value = 'Stop'
    stop_name.string_spec.editable = True
    pause = child(element, 'pause', 2, 'Pause')
    pause.int_spec.default_value.value = 5
    pause.int_spec.min_value.value = 0
    pause.int_spec.max_value.value = 60
    pause.int_spec.units.name = 's'

    advanced = child(spec, 'advanced', 9, 'Advanced')
    advanced.dict_spec.is_hidden_by_default = True
    retries = child(advanced.dict_spec, 'retries', 1, 'Retries')
    retries.int_spec.default_value.value = 1
    retries.int_spec.min_value.value = 0
    retries.int_spec.max_value.value = 5
    limit = child(advanced.dict_spec, 'temperature_limit', 2, 'Temperature limit')
    limit.double_spec.default_value.value = 40.0
    limit.double_spec.units.temp = units_pb2.TEMPERATURE_CELSIUS

    region = child(spec, 'region', 10, 'Region of interest', 'Where the gauge is in the image')
    region.roi_spec.service_and_source.service = 'image'
    region.roi_spec.service_and_source.source = 'frontleft_fisheye_image'
    region.roi_spec.default_area.rectangle.x = 120
    region.roi_spec.default_area.rectangle.y = 80
    region.roi_spec.default_area.rectangle.cols = 200
    region.roi_spec.default_area.rectangle.rows = 150
    region.roi_spec.allows_rectangle = True
    region.roi_spec.allows_polygon = True

    hostile = child(spec, 'hostile', 11, '<img src=x onerror="window.consoleXSS=1">Caption',
                    '"><script>window.consoleXSS=2</script>')
    hostile.string_spec.default_value = '</textarea><script>window.consoleXSS=3</script>'
    hostile.string_spec.editable = True
    return spec


class GalleryServicer(CountdownServicer):

    def GetRemoteMissionServiceInfo(self, request, context):
        response = remote_pb2.GetRemoteMissionServiceInfoResponse()
        with ResponseContext(response, request):
            response.custom_params.CopyFrom(gallery_spec())
        return response


def main():
    parser = robot_arguments(__doc__)
    options = parser.parse_args()
    robot = connect(options, 'ConsoleGallery')
    runner = GrpcServiceRunner(GalleryServicer(),
                               remote_service_pb2_grpc.add_RemoteMissionServiceServicer_to_server,
                               0, force_sigint_capture=False)
    registration = robot.ensure_client(DirectoryRegistrationClient.default_service_name)
    keep_alive = DirectoryRegistrationKeepAlive(registration, rpc_interval_seconds=1)
    keep_alive.start('console-gallery', 'bosdyn.api.mission.RemoteMissionService',
                     'console-gallery', '127.0.0.1', runner.port)
    with keep_alive:
        print('REGISTERED console-gallery', flush=True)
        sys.stdin.read()
    runner.stop()


if __name__ == '__main__':
    main()
