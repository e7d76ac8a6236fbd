#!/usr/bin/env python3
"""Python reference for the benchmark: a hello-world remote mission service.

Every Tick logs `Hello <who>!` (who = the `who` string parameter of the tick's params, else
`World`) and answers STATUS_SUCCESS. EstablishSession, Stop and TeardownSession log
`<Method> unimplemented!` and answer STATUS_OK. Logs go to stderr in the format of
`bosdyn.client.util.setup_logging()`.

It uses the SDK's own serving pieces (`GrpcServiceRunner`, `ResponseContext`) so that it costs
what a servicer written against the Python SDK costs. One deviation: `GrpcServiceRunner` always
binds `[::]:PORT`; for the benchmark we rewrite that address to the loopback address given with
`--bind` (default 127.0.0.1), nothing else about the runner changes.

Like the Swift service, it validates each Tick's params against the hello-world spec (`who`
and the `toggle_key` one-of) with the SDK's `create_value_validator`, answering
STATUS_CUSTOM_PARAMS_ERROR when they do not fit.

Like the Swift service, it honours env BOSDYN_LOG_LEVEL (e.g. `warning`) to raise the log
level above INFO, which silences the per-tick greeting (used to measure what logging costs).
"""

import argparse
import logging
import os
import sys

from bosdyn.api import service_customization_pb2 as customization
from bosdyn.api.mission import remote_pb2, remote_service_pb2_grpc
from bosdyn.client.service_customization_helpers import create_value_validator
from bosdyn.client.server_util import GrpcServiceRunner, ResponseContext
from bosdyn.client.util import setup_logging

LOGGER = logging.getLogger('python-hello-world')


class HelloWorldReference(remote_service_pb2_grpc.RemoteMissionServiceServicer):
    """Greets on every tick; every other call is a logged no-op."""

    default_who = 'World'

    def __init__(self, logger):
        self.logger = logger
        self.validate = create_value_validator(self._spec())

    @staticmethod
    def _spec():
        """The hello-world spec with no flags: free-text `who` (default World), `toggle_key`."""
        spec = customization.DictParam.Spec()
        who = spec.specs['who']
        who.spec.string_spec.default_value = 'World'
        who.spec.string_spec.editable = True
        who.ui_info.description = 'Specify who Spot says hello to'
        toggle = spec.specs['toggle_key']
        toggle.ui_info.display_name = 'Repeats'
        toggle.ui_info.display_order = 1
        enable = toggle.spec.one_of_spec.specs['toggle_key_enable'].spec
        count = enable.specs['toggle_enable_value_key'].spec.int_spec
        count.default_value.value = 1337
        count.min_value.value = 1
        count.max_value.value = 1337
        toggle.spec.one_of_spec.specs['toggle_key_disable'].spec.SetInParent()
        return spec

    def _who(self, request):
        param = request.params.values.get('who')
        if param is not None and param.WhichOneof('value') == 'string_value':
            return param.string_value.value
        return self.default_who

    def Tick(self, request, context):
        response = remote_pb2.TickResponse()
        with ResponseContext(response, request):
            error = self.validate(request.params)
            if error is not None:
                response.status = remote_pb2.TickResponse.STATUS_CUSTOM_PARAMS_ERROR
                response.custom_param_error.CopyFrom(error)
                return response
            self.logger.info('Hello %s!', self._who(request))
            response.status = remote_pb2.TickResponse.STATUS_SUCCESS
        return response

    def EstablishSession(self, request, context):
        response = remote_pb2.EstablishSessionResponse()
        with ResponseContext(response, request):
            self.logger.info('EstablishSession unimplemented!')
            response.status = remote_pb2.EstablishSessionResponse.STATUS_OK
        return response

    def Stop(self, request, context):
        response = remote_pb2.StopResponse()
        with ResponseContext(response, request):
            self.logger.info('Stop unimplemented!')
            response.status = remote_pb2.StopResponse.STATUS_OK
        return response

    def TeardownSession(self, request, context):
        response = remote_pb2.TeardownSessionResponse()
        with ResponseContext(response, request):
            self.logger.info('TeardownSession unimplemented!')
            response.status = remote_pb2.TeardownSessionResponse.STATUS_OK
        return response


def _adder_binding_to(address):
    """Returns an add-servicer function that also redirects the runner's `[::]` bind."""

    def add(servicer, server):
        remote_service_pb2_grpc.add_RemoteMissionServiceServicer_to_server(servicer, server)
        bind_any = server.add_insecure_port

        def bind_loopback(requested):
            port = requested.rsplit(':', 1)[1]
            return bind_any('{}:{}'.format(address, port))

        server.add_insecure_port = bind_loopback

    return add


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--port', type=int, default=0,
                        help='port to serve on; 0 picks a free one and prints it')
    parser.add_argument('--bind', default='127.0.0.1', help='address to bind (default 127.0.0.1)')
    parser.add_argument('--max-workers', type=int, default=4,
                        help="gRPC thread pool size (GrpcServiceRunner's default is 4)")
    options = parser.parse_args(argv)

    setup_logging()
    level_name = os.environ.get('BOSDYN_LOG_LEVEL', '').strip().upper()
    if level_name:
        level = logging.getLevelName('WARNING' if level_name == 'WARN' else level_name)
        if not isinstance(level, int):
            parser.error('BOSDYN_LOG_LEVEL={} is not a logging level'.format(level_name))
        logging.getLogger().setLevel(level)
    runner = GrpcServiceRunner(HelloWorldReference(LOGGER), _adder_binding_to(options.bind),
                               options.port, max_workers=options.max_workers, logger=LOGGER)
    if runner.port == 0:
        LOGGER.error('could not bind %s:%d', options.bind, options.port)
        return 1
    print('hello-world-callback service listening on port {}.'.format(runner.port), flush=True)
    runner.run_until_interrupt()
    return 0


if __name__ == '__main__':
    sys.exit(main())
