"""Drives the simulated robot's web console in headless Chromium (Debian's chromium and
chromium-driver) with Selenium, as an operator would, and prints one JSON object with what it
saw as its last line. Every scenario saves screenshots (full page) into --screenshots.

Scenarios (--scenario):
  tour          sign in, robot page, callbacks listed live (prints READY once the callbacks page
                is open: the test then starts the power-off service, which must appear without a
                reload), the hello world form, a run with who=Scout and 3 repeats
  out-of-range  5000 repeats: refused in the page, nothing sent; then with the page's check
                removed (a tampered page): refused by the server, the error at the same field
  robot         power on, stand, sit, power off from the robot page's buttons (each takes and
                returns the body lease), then sign out
  security      a page signed out, a post without the CSRF token, a forged cookie
  keyboard      the whole hello world run with the keyboard only
  lease-run     power on; the power-off callback run without the body lease (refused, with
                the hint), then with "Give the callback the body lease": the motors go off
  walk          power on; hello world (who=Scout, 2 repeats) and the power-off callback added
                to a walk from their forms, a question between them; play, answer, success
  gallery       every type of service_customization.proto (console_gallery_servicer.py), strings
                that try to inject markup, lists, one-ofs, a hidden group, a run that ticks
                RUNNING before SUCCESS
"""

import argparse
import base64
import json
import os
import sys
import time

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

REPEATS_PATH = 'toggle_key/toggle_key_enable/toggle_enable_value_key'


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get('BOSDYN_TEST_CHROMIUM', '/usr/bin/chromium')
    for argument in ('--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu',
                     '--window-size=1280,900', '--force-device-scale-factor=1',
                     '--no-first-run', '--disable-extensions', '--disable-background-networking'):
        options.add_argument(argument)
    service = webdriver.ChromeService(
        executable_path=os.environ.get('BOSDYN_TEST_CHROMEDRIVER', '/usr/bin/chromedriver'))
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(30)
    return driver


class Console:
    def __init__(self, driver, url, screenshots, scenario):
        self.driver = driver
        self.url = url.rstrip('/')
        self.screenshots = screenshots
        self.scenario = scenario
        self.shots = []

    def wait(self, condition, timeout=20):
        # A condition may look at a page a form post is replacing: look again on the new one.
        # Chromium reports an element of the replaced page either as stale or, in a race with
        # the navigation, as a node that "does not belong to the document": both mean look
        # again. Any other error stops the wait with its own message.
        def look(driver):
            try:
                return condition(driver)
            except WebDriverException as error:
                if 'does not belong to the document' in str(error):
                    return False
                raise
        return WebDriverWait(self.driver, timeout, ignored_exceptions=(StaleElementReferenceException,)).until(look)

    def loaded(self):
        """Waits until the page a navigation brought has finished loading."""
        self.wait(lambda d: d.execute_script('return document.readyState') == 'complete')

    def shot(self, name):
        """A full-page screenshot: the window grows to the page's height first."""
        height = self.driver.execute_script(
            'return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)')
        self.driver.set_window_size(1280, max(900, min(int(height) + 40, 4000)))
        path = os.path.join(self.screenshots, f'{self.scenario}-{len(self.shots) + 1:02d}-{name}.png')
        self.driver.save_screenshot(path)
        self.driver.set_window_size(1280, 900)
        self.shots.append(path)

    def open(self, path):
        self.driver.get(self.url + path)

    def sign_in(self, password='password', shot=False):
        self.open('/sign-in')
        self.driver.find_element(By.ID, 'username').send_keys('user')
        self.driver.find_element(By.ID, 'password').send_keys(password)
        if shot:
            self.shot('sign-in')
        self.driver.find_element(By.CSS_SELECTOR, 'button[type="submit"]').click()
        self.wait(expected_conditions.url_contains('/robot'))

    def live(self):
        self.wait(lambda d: d.find_element(By.ID, 'live-status').get_attribute('data-state') == 'live')

    def field(self, path):
        return self.driver.find_element(By.CSS_SELECTOR, f'[data-field="{path}"]')

    def input(self, path):
        return self.driver.find_element(By.ID, 'f-' + path)

    def error_text(self, path):
        slot = self.driver.find_element(By.ID, 'e-' + path)
        return slot.text if slot.is_displayed() else ''

    def run_outcome(self, timeout=30):
        def finished(driver):
            outcome = driver.find_elements(By.CSS_SELECTOR, '#run-outcome .outcome')
            if outcome and outcome[0].text not in ('RUNNING', ''):
                return outcome[0].text
            return False
        return self.wait(finished, timeout)

    def run_calls(self):
        return [item.find_element(By.CLASS_NAME, 'event-call').text + ' ' +
                item.find_element(By.CLASS_NAME, 'event-status').text
                for item in self.driver.find_elements(By.CSS_SELECTOR, '#run-events .run-event')]

    def unlabelled_inputs(self):
        """The names of the page's inputs that have no label (nor aria-label, aria-labelledby)."""
        return self.driver.execute_script("""
            return [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
              .filter((e) => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')
                             && !e.getAttribute('aria-labelledby'))
              .map((e) => e.name || e.id || e.outerHTML);
        """)

    def set_who(self, name):
        """`who` is free text with the service's options as suggestions."""
        who = self.input('who')
        who.clear()
        who.send_keys(name)

    def more_settings(self, choice_key):
        """The collapsed group of a Repeats choice's parameters (hidden by default)."""
        return self.driver.find_element(
            By.CSS_SELECTOR, f'[data-choice-of="toggle_key"][data-choice="{choice_key}"] details')

    def expand(self, choice_key):
        group = self.more_settings(choice_key)
        if not group.get_attribute('open'):
            group.find_element(By.TAG_NAME, 'summary').click()
        return group

    def choose_repeats(self, choice_key):
        radio = self.driver.find_element(By.ID, 'f-toggle_key--' + choice_key)
        # The radio is drawn by its label (the input itself is transparent on top of it).
        self.driver.find_element(By.CSS_SELECTOR, f'label[for="f-toggle_key--{choice_key}"]').click()
        return radio.is_selected()

    def open_callback(self, name):
        """Opens a callback's page and waits for its form (built from the spec it advertises)."""
        self.open('/callbacks/' + name)
        self.wait(expected_conditions.presence_of_element_located((By.ID, 'callback-form')))

    def power_on(self):
        """Powers the robot on with the robot page's button and waits until the page says so."""
        power_on = self.driver.find_element(By.XPATH, '//form//button[normalize-space()="Power on"]')
        power_on.click()
        self.wait(expected_conditions.staleness_of(power_on))
        self.live()
        self.wait(lambda d: d.find_element(By.ID, 'robot-power').text == 'On')

    def robot_when_powered(self, power, timeout=20):
        """Opens the robot page, waits until its power reads `power`, and returns the power
        and the body lease's holder as it shows them."""
        self.open('/robot')
        self.live()
        self.wait(lambda d: d.find_element(By.ID, 'robot-power').text == power, timeout)
        return (self.driver.find_element(By.ID, 'robot-power').text,
                self.driver.find_element(By.ID, 'robot-lease').text)

    def post_without_token(self):
        return self.driver.execute_async_script("""
            const done = arguments[arguments.length - 1];
            fetch('/robot/power', {method: 'POST', credentials: 'same-origin',
                   body: new URLSearchParams({state: 'on'})})
              .then((response) => response.text().then((text) => done([response.status, text])));
        """)


def tour(console):
    driver = console.driver
    result = {}
    console.sign_in(shot=True)
    console.live()
    result['robot_power'] = driver.find_element(By.ID, 'robot-power').text
    result['directory_rows'] = len(driver.find_elements(By.CSS_SELECTOR, '#directory-rows tr'))
    console.shot('robot')

    driver.find_element(By.LINK_TEXT, 'Callbacks').click()
    console.wait(expected_conditions.url_contains('/callbacks'))
    console.live()
    console.wait(lambda d: d.find_elements(By.CSS_SELECTOR, 'tr[data-name="hello-world-callback"]'))
    driver.execute_script('window.consoleTestMarker = "not reloaded";')
    print('READY', flush=True)
    console.wait(lambda d: d.find_elements(By.CSS_SELECTOR, 'tr[data-name="power-off-callback"]'), 60)
    result['reloaded'] = driver.execute_script('return window.consoleTestMarker') != 'not reloaded'
    result['callbacks'] = [row.get_attribute('data-name')
                           for row in driver.find_elements(By.CSS_SELECTOR, '#callback-rows tr')]
    result['liveness'] = [cell.text for cell in driver.find_elements(By.CSS_SELECTOR, '#callback-rows .pill')]
    console.shot('callbacks')

    driver.find_element(By.LINK_TEXT, 'hello-world-callback').click()
    console.wait(expected_conditions.presence_of_element_located((By.ID, 'callback-form')))
    who = console.input('who')
    result['who_label'] = driver.find_element(By.CSS_SELECTOR, 'label[for="f-who"]').text
    result['who_editable'] = who.get_attribute('type') == 'text'
    result['who_options'] = [option.get_attribute('value') for option in driver.find_elements(
        By.CSS_SELECTOR, '#' + who.get_attribute('list') + ' option')]
    result['who_help'] = console.field('who').find_element(By.CLASS_NAME, 'help').text
    repeats = console.field('toggle_key')
    result['repeats_legend'] = repeats.find_element(By.TAG_NAME, 'legend').text
    result['repeats_choices'] = [label.text for label in repeats.find_elements(By.CSS_SELECTOR, '.segment span')]
    count = console.input(REPEATS_PATH)
    result['count_shown_before_enable'] = count.is_displayed()
    console.shot('form')
    result['enable_selected'] = console.choose_repeats('toggle_key_enable')
    # The tablet shows the chosen Enable's parameters collapsed at first.
    result['more_settings'] = console.more_settings('toggle_key_enable').find_element(By.TAG_NAME, 'summary').text
    result['count_collapsed_after_enable'] = not count.is_displayed()
    console.expand('toggle_key_enable')
    result['count_shown_after_expanding'] = count.is_displayed()
    result['count_default'] = count.get_attribute('value')
    result['unlabelled'] = console.unlabelled_inputs()

    console.set_who('Scout')
    count.clear()
    count.send_keys('3')
    console.shot('filled')
    driver.find_element(By.ID, 'run-button').click()
    result['outcome'] = console.run_outcome()
    result['calls'] = console.run_calls()
    console.shot('run')
    return result


def out_of_range(console):
    driver = console.driver
    result = {}
    console.sign_in()
    console.open_callback('hello-world-callback')
    console.choose_repeats('toggle_key_enable')
    console.expand('toggle_key_enable')
    count = console.input(REPEATS_PATH)
    count.clear()
    count.send_keys('5000')
    driver.find_element(By.ID, 'run-button').click()
    console.wait(lambda d: console.error_text(REPEATS_PATH))
    result['page_error'] = console.error_text(REPEATS_PATH)
    result['page_outcome'] = driver.find_element(By.ID, 'run-outcome').text
    result['focused'] = driver.execute_script('return document.activeElement.id')
    result['invalid'] = count.get_attribute('aria-invalid')
    result['calls_after_page_check'] = console.run_calls()
    console.shot('refused-in-page')

    # A tampered page: without the bound the page checks, the server must still refuse.
    driver.execute_script('arguments[0].removeAttribute("data-max"); arguments[0].removeAttribute("max");', count)
    driver.find_element(By.ID, 'run-button').click()
    console.wait(lambda d: 'max_bound' in console.error_text(REPEATS_PATH))
    result['server_error'] = console.error_text(REPEATS_PATH)
    result['server_outcome'] = driver.find_element(By.ID, 'run-outcome').text
    result['calls_after_server_check'] = console.run_calls()
    console.shot('refused-by-server')
    return result


def robot(console):
    driver = console.driver
    result = {'flashes': [], 'states': [], 'leases': []}
    console.sign_in()
    console.live()

    def press(label, element_id, expected):
        button = driver.find_element(By.XPATH, f'//form//button[normalize-space()="{label}"]')
        button.click()
        # The post answers with a redirect to a new robot page: wait until it replaced this one.
        console.wait(expected_conditions.staleness_of(button))
        flash = console.wait(lambda d: d.find_elements(By.CSS_SELECTOR, '.flash'))
        result['flashes'].append(flash[0].text)
        console.live()
        console.wait(lambda d: d.find_element(By.ID, element_id).text == expected)
        result['states'].append(driver.find_element(By.ID, element_id).text)
        result['leases'].append(driver.find_element(By.ID, 'robot-lease').text)

    press('Power on', 'robot-power', 'On')
    press('Stand', 'robot-stance', 'Standing')
    console.shot('standing')
    press('Sit', 'robot-stance', 'Sitting')
    press('Power off', 'robot-power', 'Off')
    console.shot('powered-off')

    driver.find_element(By.XPATH, '//button[normalize-space()="Sign out"]').click()
    console.wait(expected_conditions.url_contains('/sign-in'))
    result['after_sign_out'] = driver.current_url
    console.open('/robot')
    result['robot_after_sign_out'] = driver.current_url
    return result


def lease_run(console):
    driver = console.driver
    result = {}
    console.sign_in()
    console.live()
    console.power_on()

    console.open_callback('power-off-callback')
    driver.find_element(By.ID, 'run-button').click()
    result['without_lease'] = console.run_outcome()
    result['without_lease_calls'] = console.run_calls()
    result['without_lease_details'] = [detail.text for detail in driver.find_elements(By.CSS_SELECTOR, '#run-events .event-detail')]
    console.shot('without-lease')

    checkbox = driver.find_element(By.ID, 'run-with-lease')
    checkbox.click()
    result['checkbox_label'] = driver.find_element(By.CSS_SELECTOR, 'label[for="run-with-lease"]').text
    console.wait(lambda d: d.find_element(By.ID, 'run-button').is_enabled())
    driver.find_element(By.ID, 'run-button').click()
    console.wait(lambda d: 'Take body lease' in ' '.join(console.run_calls()))
    result['with_lease'] = console.run_outcome(60)
    result['with_lease_calls'] = console.run_calls()
    console.shot('with-lease')

    result['robot_power'], result['lease'] = console.robot_when_powered('Off', 30)
    return result


def walk(console):
    driver = console.driver
    result = {}
    console.sign_in()
    console.live()
    console.power_on()

    console.open_callback('hello-world-callback')
    console.set_who('Scout')
    console.choose_repeats('toggle_key_enable')
    console.expand('toggle_key_enable')
    count = console.input(REPEATS_PATH)
    count.clear()
    count.send_keys('2')
    driver.find_element(By.ID, 'add-to-walk-button').click()
    console.wait(expected_conditions.url_contains('/walks'))
    result['added_flash'] = driver.find_element(By.CSS_SELECTOR, '.flash').text

    console.open_callback('power-off-callback')
    driver.find_element(By.ID, 'add-to-walk-button').click()
    console.wait(expected_conditions.url_contains('/walks'))

    question = driver.find_element(By.ID, 'question-text')
    question.clear()
    question.send_keys('Power the robot off now?')
    driver.find_element(By.XPATH, '//button[normalize-space()="Add question"]').click()
    console.wait(lambda d: len(d.find_elements(By.CSS_SELECTOR, '#walk-steps .walk-step')) == 3)
    # The question goes between the two callbacks.
    driver.find_element(By.XPATH, '//li[@data-kind="Question"]//button[starts-with(normalize-space(), "Up")]').click()
    # (While the page reloads the list may be empty: compare a slice, which cannot fail.)
    console.wait(lambda d: [step.get_attribute('data-kind')
                            for step in d.find_elements(By.CSS_SELECTOR, '#walk-steps .walk-step')][1:2] == ['Question'])
    result['steps'] = [step.find_element(By.CLASS_NAME, 'walk-step-title').text
                       for step in driver.find_elements(By.CSS_SELECTOR, '#walk-steps .walk-step')]
    result['hello_detail'] = driver.find_element(By.CSS_SELECTOR, '#walk-steps .walk-step .walk-step-detail').text
    result['unlabelled'] = console.unlabelled_inputs()
    console.shot('composed')

    driver.find_element(By.ID, 'walk-play').click()
    console.wait(expected_conditions.url_contains('/walks'))
    answer = console.wait(lambda d: d.find_elements(By.XPATH, '//div[@class="walk-question"]//button[normalize-space()="Continue"]'), 60)
    result['question'] = driver.find_element(By.CSS_SELECTOR, '.walk-question p').text
    result['status_while_asking'] = driver.find_element(By.ID, 'walk-status').text
    console.shot('question')
    # Answered from the keyboard: Tab to the answer's button, Enter.
    for _ in range(80):
        webdriver.ActionChains(driver).send_keys(Keys.TAB).perform()
        focused = driver.switch_to.active_element
        if focused.text == 'Continue' and focused.tag_name == 'button':
            break
    result['answer_focused'] = driver.switch_to.active_element.text
    webdriver.ActionChains(driver).send_keys(Keys.ENTER).perform()
    console.wait(lambda d: d.find_element(By.ID, 'walk-status').text in ('Success', 'Failure', 'Error', 'Stopped'), 60)
    result['status'] = driver.find_element(By.ID, 'walk-status').text
    result['nodes'] = [[node.find_element(By.CLASS_NAME, 'node-name').text, node.find_element(By.CLASS_NAME, 'pill').text]
                       for node in driver.find_elements(By.CSS_SELECTOR, '#walk-nodes .walk-node')]
    result['questions_left'] = len(driver.find_elements(By.CSS_SELECTOR, '.walk-question'))
    result['timeline'] = [row.find_element(By.CLASS_NAME, 'call-what').get_attribute('textContent') + ' ' +
                          row.find_element(By.CLASS_NAME, 'pill').text
                          for row in driver.find_elements(By.CSS_SELECTOR, '#walk-timeline .timeline-call')]
    console.shot('done')

    # Save the walk (as its download link does), change it, and load the saved file back.
    saved = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        fetch('/walks/walk-mission.pb', { credentials: 'same-origin' })
          .then((response) => response.arrayBuffer())
          .then((buffer) => {
            let binary = '';
            for (const byte of new Uint8Array(buffer)) binary += String.fromCharCode(byte);
            done(btoa(binary));
          });
    """)
    path = os.path.join(console.screenshots, 'walk-mission.pb')
    with open(path, 'wb') as file:
        file.write(base64.b64decode(saved))
    remove = driver.find_element(By.XPATH, '//li[@data-kind="Question"]//button[starts-with(normalize-space(), "Remove")]')
    remove.click()
    console.wait(expected_conditions.staleness_of(remove))
    result['steps_after_removing'] = len(driver.find_elements(By.CSS_SELECTOR, '#walk-steps .walk-step'))
    driver.find_element(By.ID, 'walk-file').send_keys(path)
    load = driver.find_element(By.XPATH, '//button[normalize-space()="Load"]')
    load.click()
    console.wait(expected_conditions.staleness_of(load))
    result['load_flash'] = driver.find_element(By.CSS_SELECTOR, '.flash').text
    result['loaded_steps'] = [step.find_element(By.CLASS_NAME, 'walk-step-title').text
                              for step in driver.find_elements(By.CSS_SELECTOR, '#walk-steps .walk-step')]
    console.shot('loaded')

    # Save it as a walk directory on the robot, change it, and open the saved walk.
    console.loaded()
    name = driver.find_element(By.ID, 'walk-name')
    name.clear()
    name.send_keys('Browser walk')
    save = driver.find_element(By.XPATH, '//button[normalize-space()="Save walk"]')
    save.click()
    console.wait(expected_conditions.staleness_of(save))
    console.loaded()
    result['save_flash'] = driver.find_element(By.CSS_SELECTOR, '.flash').text
    remove = driver.find_element(By.XPATH, '//li[@data-kind="Question"]//button[starts-with(normalize-space(), "Remove")]')
    remove.click()
    console.wait(expected_conditions.staleness_of(remove))
    console.loaded()
    Select(driver.find_element(By.ID, 'saved-walk')).select_by_visible_text('Browser walk')
    open_button = driver.find_element(By.XPATH, '//button[normalize-space()="Open"]')
    open_button.click()
    console.wait(expected_conditions.staleness_of(open_button))
    console.loaded()
    result['open_flash'] = driver.find_element(By.CSS_SELECTOR, '.flash').text
    result['opened_steps'] = [step.find_element(By.CLASS_NAME, 'walk-step-title').text
                              for step in driver.find_elements(By.CSS_SELECTOR, '#walk-steps .walk-step')]
    result['unlabelled_on_walks'] = console.unlabelled_inputs()
    console.shot('saved-walk')

    # Played as the tablet plays a walk: its map uploaded, the robot powered on, standing and
    # walking to each action's waypoint (the power-off callback ends it powered off again).
    play = driver.find_element(By.ID, 'walk-autowalk')
    play.click()
    console.wait(expected_conditions.staleness_of(play))
    console.loaded()
    result['autowalk_flash'] = driver.find_element(By.CSS_SELECTOR, '.flash').text
    answer = console.wait(lambda d: d.find_elements(By.XPATH, '//div[@class="walk-question"]//button[normalize-space()="Continue"]'), 60)
    answer[0].click()
    console.wait(lambda d: d.find_element(By.ID, 'walk-status').text in ('Success', 'Failure', 'Error', 'Stopped'), 90)
    console.live()
    result['autowalk_status'] = driver.find_element(By.ID, 'walk-status').text
    # Read in one script: the live page re-renders the (long) tree while Selenium would walk it.
    result['autowalk_nodes'] = driver.execute_script("""
        return [...document.querySelectorAll('#walk-nodes .walk-node')].map((node) =>
          [node.querySelector('.node-name').textContent, node.querySelector('.pill').textContent]);
    """)
    console.shot('autowalk')
    result['robot_power'], result['lease'] = console.robot_when_powered('Off')
    return result


def security(console):
    driver = console.driver
    result = {}
    console.open('/robot')
    result['signed_out_robot'] = driver.current_url
    console.open('/callbacks/hello-world-callback')
    result['signed_out_form'] = driver.current_url
    console.shot('signed-out')

    console.open('/sign-in')
    driver.find_element(By.ID, 'username').send_keys('user')
    driver.find_element(By.ID, 'password').send_keys('wrong')
    driver.find_element(By.CSS_SELECTOR, 'button[type="submit"]').click()
    console.wait(expected_conditions.presence_of_element_located((By.ID, 'sign-in-error')))
    result['wrong_password'] = driver.find_element(By.ID, 'sign-in-error').text
    console.shot('wrong-password')

    console.sign_in()
    cookie = driver.get_cookie('spot-console-session')
    result['cookie'] = {'httpOnly': cookie.get('httpOnly'), 'sameSite': cookie.get('sameSite'),
                        'has_expiry': 'expiry' in cookie, 'length': len(cookie['value'])}
    result['script_sees_cookie'] = 'spot-console-session' in driver.execute_script('return document.cookie')
    status, text = console.post_without_token()
    result['post_without_token'] = {'status': status, 'text': text.strip()}
    result['power_after'] = driver.find_element(By.ID, 'robot-power').text

    driver.delete_cookie('spot-console-session')
    driver.add_cookie({'name': 'spot-console-session', 'value': 'A' * 43, 'path': '/',
                       'sameSite': 'Strict', 'httpOnly': True})
    console.open('/robot')
    result['forged_cookie'] = driver.current_url
    console.shot('forged-cookie')
    return result


def keyboard(console):
    driver = console.driver
    result = {}

    def press(*keys):
        for key in keys:
            webdriver.ActionChains(driver).send_keys(key).perform()

    def active():
        return driver.switch_to.active_element

    def tab_to(predicate, limit=80):
        for _ in range(limit):
            press(Keys.TAB)
            if predicate(active()):
                return active()
        raise TimeoutException('no focusable element matched')

    console.open('/sign-in')
    # The username field has autofocus.
    press('user', Keys.TAB, 'password', Keys.ENTER)
    console.wait(expected_conditions.url_contains('/robot'))
    console.live()
    tab_to(lambda element: element.text == 'Callbacks')
    press(Keys.ENTER)
    console.wait(expected_conditions.url_contains('/callbacks'))
    console.wait(lambda d: d.find_elements(By.CSS_SELECTOR, 'tr[data-name="hello-world-callback"]'))
    tab_to(lambda element: element.text == 'hello-world-callback')
    press(Keys.ENTER)
    console.wait(expected_conditions.presence_of_element_located((By.ID, 'callback-form')))

    tab_to(lambda element: element.get_attribute('id') == 'f-who')
    # Free text with suggestions: replace "World".
    press(Keys.END, *([Keys.BACKSPACE] * 5), 'Scout')
    result['who'] = console.input('who').get_attribute('value')
    press(Keys.TAB)
    result['focus_on_radio'] = active().get_attribute('type')
    # Arrows move through the radio group: Not set, Enable, Disable.
    press(Keys.ARROW_RIGHT)
    result['choice'] = driver.execute_script(
        'return document.querySelector(\'input[name="toggle_key"]:checked\').value')
    # Enable's parameters are collapsed: open them from their summary.
    tab_to(lambda element: element.tag_name == 'summary')
    press(Keys.ENTER)
    tab_to(lambda element: element.get_attribute('id') == 'f-' + REPEATS_PATH)
    press(Keys.END, *([Keys.BACKSPACE] * 6), '2')
    result['count'] = console.input(REPEATS_PATH).get_attribute('value')
    console.shot('keyboard-focus')
    tab_to(lambda element: element.get_attribute('id') == 'run-button')
    press(Keys.ENTER)
    result['outcome'] = console.run_outcome()
    result['focus_after_run'] = active().get_attribute('id')
    console.shot('keyboard-run')
    return result


def gallery(console):
    """The form of console_gallery_servicer.py: every type, hostile strings, a live run."""
    driver = console.driver
    result = {}
    console.sign_in()
    console.open_callback('console-gallery')
    result['xss'] = driver.execute_script('return window.consoleXSS || null')
    result['images_in_form'] = len(driver.find_elements(By.CSS_SELECTOR, '#callback-form img'))
    result['hostile_label'] = driver.find_element(By.CSS_SELECTOR, 'label[for="f-hostile"]').text
    result['labels'] = [node.text.split('\n')[0] for node in driver.find_elements(
        By.CSS_SELECTOR, '#callback-form > [data-field] > .label-row label, '
        '#callback-form > [data-field] > legend, #callback-form > [data-field] > summary, '
        '#callback-form > [data-field] > .check-row label')]
    result['units'] = [node.text for node in driver.find_elements(By.CSS_SELECTOR, '#callback-form .units')]
    result['region_preview'] = driver.find_element(
        By.CSS_SELECTOR, '[data-field="region"] svg').get_attribute('aria-label')
    console.shot('gallery-form')

    stops = console.field('stops')
    add = stops.find_element(By.CSS_SELECTOR, ':scope > [data-add]')
    for _ in range(3):
        add.click()
    items = stops.find_elements(By.CSS_SELECTOR, ':scope > ol.items > li')
    result['stops_after_adding'] = len(items)
    result['add_disabled_at_max'] = not add.is_enabled()
    result['new_stop_field'] = items[-1].find_element(By.CSS_SELECTOR, 'input[type="text"]').get_attribute('name')
    items[1].find_element(By.CSS_SELECTOR, ':scope > [data-remove]').click()
    items = stops.find_elements(By.CSS_SELECTOR, ':scope > ol.items > li')
    result['stops_after_removing'] = len(items)
    result['stop_labels'] = [item.find_element(By.TAG_NAME, 'legend').text.split('\n')[0] for item in items]
    result['add_enabled_again'] = add.is_enabled()
    items[-1].find_element(By.CSS_SELECTOR, 'input[type="number"]').clear()
    items[-1].find_element(By.CSS_SELECTOR, 'input[type="number"]').send_keys('90')

    gauge = driver.find_element(By.CSS_SELECTOR, '[data-choice-of="target"][data-choice="gauge"]')
    valve = driver.find_element(By.CSS_SELECTOR, '[data-choice-of="target"][data-choice="valve"]')
    result['gauge_shown_first'] = gauge.is_displayed()
    driver.find_element(By.CSS_SELECTOR, 'label[for="f-target--valve"]').click()
    result['valve_shown_after_choice'] = valve.is_displayed() and not gauge.is_displayed()

    retries = console.input('advanced/retries')
    result['advanced_hidden_first'] = not retries.is_displayed()
    console.field('advanced').find_element(By.TAG_NAME, 'summary').click()
    result['advanced_shown_after_toggle'] = retries.is_displayed()
    result['unlabelled'] = console.unlabelled_inputs()
    console.shot('gallery-edited')

    driver.find_element(By.ID, 'run-button').click()
    console.wait(lambda d: d.find_elements(By.CSS_SELECTOR, '.field-error:not([hidden])'))
    result['list_error'] = [node.text for node in driver.find_elements(By.CSS_SELECTOR, '.field-error:not([hidden])')]
    items[-1].find_element(By.CSS_SELECTOR, 'input[type="number"]').clear()
    items[-1].find_element(By.CSS_SELECTOR, 'input[type="number"]').send_keys('30')
    driver.find_element(By.ID, 'run-button').click()
    result['outcome'] = console.run_outcome()
    result['calls'] = console.run_calls()
    result['xss_after_run'] = driver.execute_script('return window.consoleXSS || null')
    console.shot('gallery-run')
    return result


SCENARIOS = {'tour': tour, 'robot': robot, 'walk': walk, 'lease-run': lease_run, 'gallery': gallery, 'out-of-range': out_of_range, 'security': security, 'keyboard': keyboard}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--url', required=True)
    parser.add_argument('--screenshots', required=True)
    parser.add_argument('--scenario', required=True, choices=sorted(SCENARIOS))
    options = parser.parse_args()
    os.makedirs(options.screenshots, exist_ok=True)
    driver = browser()
    console = Console(driver, options.url, options.screenshots, options.scenario)
    try:
        result = SCENARIOS[options.scenario](console)
    except Exception as error:  # Keep what the page showed when it went wrong.
        try:
            console.shot('failure')
        finally:
            print(json.dumps({'error': f'{type(error).__name__}: {error}', 'url': driver.current_url,
                              'screenshots': console.shots}))
        driver.quit()
        sys.exit(1)
    result['screenshots'] = console.shots
    driver.quit()
    print(json.dumps(result))


if __name__ == '__main__':
    main()
