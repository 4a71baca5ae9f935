"""Drives the advisor's page in headless Chromium (selenium with Debian's chromium-driver) through
its states and runs axe-core (WCAG 2.0/2.1 A and AA) on each. Started by scripts/browser-check.

    page_check.py BASE_URL OUTPUT_DIR AXE_JS

States: a settled verdict (Borne, barbecue), an open one (a street party with few facts: room
items labelled by kind, judgements shown as the municipality's to assess), a bad value in the
URL (the field is marked, the form stays), a grant that only asks for a scheme, and a
municipality without a rulebook of its own chosen from the list of all 342 (the model APV
answers, and the page says so first). Exit status 1 on any failed expectation or axe violation.
"""
import json
import sys
import time
from urllib.parse import urlencode

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

base, out, axe_path = sys.argv[1], sys.argv[2], sys.argv[3]
axe_source = open(axe_path, encoding="utf-8").read()
failures = []

options = webdriver.ChromeOptions()
for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1100,1900"):
    options.add_argument(flag)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def load(name, params, ready):
    driver.get(f"{base}/?{urlencode(params)}")
    deadline = time.time() + 20
    while time.time() < deadline:
        if driver.execute_script(f"return ({ready});"):
            break
        time.sleep(0.2)
    else:
        failures.append(f"{name}: the page did not reach its state")
    driver.save_screenshot(f"{out}/{name}.png")


def axe(name):
    driver.execute_script(axe_source)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        ".then((r) => done(JSON.stringify(r.violations))).catch((e) => done(JSON.stringify([{id: 'axe-error', help: String(e), nodes: []}])));"
    )
    violations = json.loads(result)
    for violation in violations:
        targets = [node.get("target") for node in violation.get("nodes", [])][:3]
        failures.append(f"{name}: axe {violation['id']}: {violation.get('help')} at {targets}")
    print(f"{name}: {len(violations)} axe violations")


def expect(name, condition, message):
    if not condition:
        failures.append(f"{name}: {message}")


settled = {
    "rulebook": "borne", "date": "2026-08-29", "activity": "buurtbarbecue", "visitors": "60", "start": "16:00", "end": "21:00",
    "days": "1", "amplified_music": "nee", "music_end": "22:00", "public_space": "ja", "road_closure": "geen", "on_roadway": "nee",
    "largest_object_m2": "9", "object_count": "2", "persons_in_structure": "0", "alcohol_sold": "nee", "spirits": "nee",
    "location": "woonwijk", "outdoors": "ja", "hinders_traffic": "nee", "police_needed": "nee", "other_event_nearby": "nee",
    "emergency_passage": "4", "heavy_objects": "nee", "animals": "nee", "sales": "nee", "advertising": "nee", "open_fire": "nee",
    "fireworks": "nee", "has_organiser": "ja", "sound_level_dba": "65", "sound_level_dbc": "75", "profit_motive": "nee",
    "subsidy_requested": "nee",
}
verdict_ready = "document.getElementById('verdict') && document.getElementById('verdict').dataset.level && document.getElementById('verdict-label') !== null"
load("settled", settled, verdict_ready)
expect("settled", driver.find_element(By.ID, "verdict").get_attribute("data-determined") == "true", "the verdict is not settled")
expect("settled", "(visitors)" not in driver.find_element(By.ID, "fields").text, "a fact's identifier is shown")
axe("settled")

open_case = {"rulebook": "borne", "date": "2026-08-29", "activity": "straatfeest", "visitors": "240", "road_closure": "woonstraat"}
load("open", open_case, verdict_ready + " && document.getElementById('verdict').dataset.determined === 'false'")
caveats = driver.find_elements(By.CSS_SELECTOR, "#verdict .caveat")
expect("open", any("serious_nuisance" == c.get_attribute("data-fact") for c in caveats), "the mayor's judgement is not shown as the municipality's to assess")
expect("open", not driver.find_elements(By.ID, "fact-serious_nuisance"), "a judgement is asked of the resident")
# Room as far as known: keeping it to 200 people makes a notification enough, while alcohol is open.
adjustments = driver.find_elements(By.CSS_SELECTOR, "#verdict .adjustment")
expect("open", any("200" in item.text for item in adjustments), "the adjustment to 200 people is not offered while the verdict is open")
axe("open")

# A settled case with room: each room item carries its kind's label.
room_case = dict(settled, activity="straatfeest", visitors="210", road_closure="woonstraat")
load("room", room_case, verdict_ready + " && document.querySelectorAll('#room li').length > 0")
items = driver.find_elements(By.CSS_SELECTOR, "#room li")
expect("room", items and all(item.find_element(By.CSS_SELECTOR, "strong.kind").text.strip().endswith(":") for item in items), "a room item has no kind label")
expect("room", any(item.get_attribute("data-kind") == "adjustment" for item in items), "no adjustment at 210 visitors")
axe("room")

bad = dict(settled, visitors="veel")
load("bad-value", bad, "!document.getElementById('error').hidden && document.querySelector('[data-fact=visitors]') !== null")
field = driver.find_element(By.ID, "fact-visitors")
expect("bad-value", field.get_attribute("aria-invalid") == "true", "the field with the bad value is not marked")
expect("bad-value", len(driver.find_elements(By.CSS_SELECTOR, "#fields .field")) > 10, "the form did not stay")
axe("bad-value")

grant = {
    "rulebook": "utrecht", "date": "2026-03-01", "subsidy_requested": "ja", "subsidy_amount": "EUR 25000", "own_contribution": "ja",
    "activity_started": "nee", "activity": "buurtproject",
}
load("grant", grant, "document.querySelector('#verdict .scheme') !== null")
scheme = driver.find_elements(By.CSS_SELECTOR, "#verdict .scheme")
expect("grant", scheme and "Regeling" in scheme[0].text, "the grant's decision is not shown")
axe("grant")

# A municipality without a rulebook of its own, chosen in the list of all municipalities: the
# model APV answers, and the page says so first.
load("fallback", {"date": "2026-06-20"}, "document.getElementById('rulebook').options.length > 342")
options = driver.find_elements(By.CSS_SELECTOR, "#rulebook option")
expect("fallback", len(options) >= 343, f"the list offers {len(options) - 1} municipalities, not all 342")
leiden = [option for option in options if option.get_attribute("value") == "leiden"]
expect("fallback", leiden and "getoetst aan de model-APV" in leiden[0].text, "Leiden is not marked as checked against the model APV")
expect("fallback", any(option.get_attribute("value") == "borne" and "model-APV" not in option.text for option in options),
       "Borne's own rulebook is not offered unmarked")
Select(driver.find_element(By.ID, "rulebook")).select_by_value("leiden")
deadline = time.time() + 20
while time.time() < deadline and not driver.execute_script("return document.getElementById('fallback') !== null;"):
    time.sleep(0.2)
statement = driver.find_elements(By.ID, "fallback")
expect("fallback", statement and "Voor Leiden is nog geen eigen regelboek" in statement[0].text and "model-APV" in statement[0].text,
       "the fallback statement is not shown")
expect("fallback", "rulebook=leiden" in driver.current_url, "the chosen municipality is not in the URL")
driver.save_screenshot(f"{out}/fallback.png")
axe("fallback")

driver.set_window_size(390, 1600)
load("phone", settled, verdict_ready)
axe("phone")
driver.quit()

for failure in failures:
    print("FAILED:", failure, file=sys.stderr)
sys.exit(1 if failures else 0)
