"""Signs in to the simulated robot's console over plain HTTP (urllib, cookies, the CSRF token
of each page), adds the hello world to the walk from its form with who=Scout and 1 repeat, and
saves the walk's mission file to --out, or with --save-walk NAME saves it as a walk directory
on the robot. Prints one JSON object with what it did."""

import argparse
import http.cookiejar
import json
import re
import urllib.parse
import urllib.request


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--url', required=True)
    parser.add_argument('--out')
    parser.add_argument('--save-walk', help='save the walk as the walk directory NAME instead')
    options = parser.parse_args()
    base = options.url.rstrip('/')
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(path):
        with opener.open(base + path, timeout=30) as response:
            return response.read()

    def post(path, page, fields):
        token = re.search(r'name="_csrf" value="([^"]+)"', page.decode()).group(1)
        body = urllib.parse.urlencode(dict(fields, _csrf=token)).encode()
        with opener.open(base + path, body, timeout=30) as response:
            return response.geturl(), response.read()

    post('/sign-in', get('/sign-in'), {'username': 'user', 'password': 'password'})
    landed, _ = post('/callbacks/hello-world-callback/add-to-walk', get('/callbacks/hello-world-callback'), {
        'who': 'Scout', 'toggle_key': 'toggle_key_enable',
        'toggle_key/toggle_key_enable/toggle_enable_value_key': '1'})
    result = {'landed': urllib.parse.urlparse(landed).path}
    if options.save_walk:
        _, page = post('/walks/save', get('/walks'), {'name': options.save_walk})
        flash = re.search(r'Saved [^<]*', page.decode())
        result['flash'] = flash.group(0) if flash else page.decode()
    else:
        mission = get('/walks/walk-mission.pb')
        with open(options.out, 'wb') as file:
            file.write(mission)
        result['bytes'] = len(mission)
    print(json.dumps(result))


if __name__ == '__main__':
    main()
