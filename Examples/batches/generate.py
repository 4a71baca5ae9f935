#!/usr/bin/env python3
"""Generates the batch examples: initiatives.jsonl and webformulier.csv (deterministic).

Run from anywhere: python3 Examples/batches/generate.py
A few records are deliberately bad (unknown fact, bad value, broken JSON, bad CSV cells)
so that batch processing can show how it reports them.
"""
import csv, json, os, random

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(20260620)

MUNICIPALITIES = ["borne", "rotterdam", "den-haag", "eindhoven", "tilburg", "haarlem", "amsterdam", "utrecht"]
EVENT_KINDS = ["straatfeest", "buurtbarbecue", "buurtfeest", "straatspeeldag", "rommelmarkt", "concert"]
MUNICIPAL_FACTS = {
    "rotterdam": lambda: {"sound_level_10m_dba": rng.choice([60, 70, 75, 85])},
    "eindhoven": lambda: {"events_this_year": rng.choice([1, 2, 3, 6, 13])},
    "haarlem": lambda: {"largest_other_object_m2": rng.choice([2, 6, 10, 12])},
    "amsterdam": lambda: {"market_place": False},
}
TITLES = {
    "straatfeest": ("Straatfeest", "Street party"), "buurtbarbecue": ("Buurtbarbecue", "Neighbourhood barbecue"),
    "buurtfeest": ("Buurtfeest", "Neighbourhood party"), "straatspeeldag": ("Straatspeeldag", "Street play day"),
    "rommelmarkt": ("Rommelmarkt", "Flea market"), "concert": ("Concert in het park", "Concert in the park"),
    "geveltuin": ("Geveltuin", "Facade garden"), "bankje": ("Bankje op de stoep", "Bench on the pavement"),
    "minibieb": ("Minibieb", "Little free library"), "bijgebouw": ("Tuinhuis", "Garden shed"),
}
STREETS = ["Dorpsstraat", "Kerkstraat", "Molenweg", "Schoolstraat", "Lindelaan", "Parkweg", "Beukenlaan", "Stationsstraat"]


def day():
    return f"2026-{rng.randint(4, 10):02d}-{rng.randint(1, 28):02d}"


def event_facts(kind):
    start = rng.choice(["09:00", "10:00", "12:00", "14:00", "14:00", "15:00", "16:00"])
    end = rng.choice(["20:00", "21:00", "22:00", "22:00", "23:00", "23:30", "00:00"])
    music = rng.random() < 0.6
    return {
        "activity": kind, "visitors": rng.choice([30, 40, 60, 80, 80, 99, 100, 120, 150, 151, 200, 201, 250, 260, 400]),
        "start": start, "end": end, "days": rng.choice([1, 1, 1, 2]), "amplified_music": music,
        "music_end": end, "public_space": True,
        "road_closure": rng.choice(["geen", "geen", "geen", "woonstraat", "doorgaande_weg"]), "on_roadway": rng.random() < 0.08,
        "largest_object_m2": rng.choice([4, 9, 9, 16, 25, 40]), "object_count": rng.choice([0, 1, 2, 2, 3, 5, 11]),
        "persons_in_structure": rng.choice([0, 0, 0, 40, 160]), "alcohol_sold": rng.random() < 0.1, "spirits": False,
        "location": rng.choice(["woonwijk", "woonwijk", "centrum", "park"]), "serious_nuisance": False, "outdoors": True,
        "hinders_traffic": rng.random() < 0.1, "police_needed": False, "other_event_nearby": False,
        "emergency_passage": rng.choice([3, 3.5, 4, 5, 5]), "heavy_objects": rng.random() < 0.1, "animals": False,
        "sales": kind == "rommelmarkt" or rng.random() < 0.08, "advertising": False, "open_fire": False,
        "fireworks": False, "has_organiser": True, "sound_level_dba": rng.choice([50, 55, 65, 70, 75]),
        "sound_level_dbc": rng.choice([65, 70, 75, 85]), "profit_motive": False, "subsidy_requested": False,
    }


def other_facts(kind):
    if kind == "geveltuin":
        return {"activity": kind, "garden_width": rng.choice([30, 37, 45, 50]), "free_passage_footpath": rng.choice([1.1, 1.2, 1.5, 1.8])}
    if kind in ("bankje", "minibieb"):
        return {"activity": kind, "free_passage_footpath": rng.choice([1.2, 1.5, 2.0]), "obstructs_road_use": False}
    return {
        "activity": "bijgebouw", "main_building_kind": "woning", "in_achtererfgebied": True,
        "bebouwingsgebied_m2": rng.choice([60, 100, 150, 250]), "bijbehorend_total_m2": rng.choice([20, 30, 45, 60]),
        "building_height": rng.choice([2.5, 3.0, 3.2]), "within_4m_of_main_building": False, "roof_flat": True,
        "borders_public_area": False, "roof_terrace": False, "higher_than_main_building": False,
    }


def initiative(number):
    municipality = rng.choice(MUNICIPALITIES)
    kind = rng.choice(EVENT_KINDS * 3 + ["geveltuin", "bankje", "minibieb", "bijgebouw"])
    language = rng.choice(["nl", "nl", "en"])
    facts = event_facts(kind) if kind in EVENT_KINDS else other_facts(kind)
    if kind in EVENT_KINDS:
        facts.update(MUNICIPAL_FACTS.get(municipality, dict)())
    if kind == "geveltuin" and municipality == "tilburg":
        facts.update({"binnen_cityring": False, "garden_depth": 20})
    if rng.random() < 0.12:  # incomplete intake: drop a few facts
        for name in rng.sample(sorted(facts), k=min(3, len(facts) - 1)):
            if name != "activity":
                facts.pop(name)
    title = TITLES[kind][0 if language == "nl" else 1] + " " + rng.choice(STREETS)
    return {
        "id": f"batch-{number:04d}", "title": title, "municipality": municipality, "date": day(),
        "language": language, "description": title, "facts": facts,
    }


def write_jsonl(path, count=300):
    lines = [json.dumps(initiative(n), ensure_ascii=False) for n in range(1, count + 1)]
    # Deliberately bad records:
    bad_fact = initiative(count + 1)
    bad_fact["facts"]["aantal_taarten"] = 12  # unknown fact
    lines.insert(41, json.dumps(bad_fact, ensure_ascii=False))
    bad_value = initiative(count + 2)
    bad_value["facts"] = {"activity": "straatfeest", "visitors": "veel"}  # not a number
    lines.insert(142, json.dumps(bad_value, ensure_ascii=False))
    broken = json.dumps(initiative(count + 3), ensure_ascii=False)
    lines.insert(243, broken[: len(broken) // 2])  # broken JSON
    with open(path, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    return len(lines)


CSV_COLUMNS = [
    "Referentie", "Gemeente", "Datum activiteit", "Soort activiteit", "Aantal bezoekers", "Begintijd", "Eindtijd",
    "Versterkte muziek", "Straat afsluiten", "Op rijbaan of parkeerplaats", "Grootste object (m2)", "Alcohol verkopen",
    "Openbare ruimte", "Subsidie aanvragen", "Gevraagd bedrag",
]
SOORT = {"straatfeest": "Straatfeest", "buurtbarbecue": "Buurtbarbecue", "buurtfeest": "Buurtfeest",
         "straatspeeldag": "Straatspeeldag", "rommelmarkt": "Rommelmarkt", "concert": "Concert"}
AFSLUITING = {"geen": "Nee", "woonstraat": "Ja, woonstraat", "doorgaande_weg": "Ja, doorgaande weg"}


def euro(cents):
    whole, rest = divmod(cents, 100)
    return "€ " + f"{whole:,}".replace(",", ".") + f",{rest:02d}"


def write_csv(path, count=60):
    rows = []
    for n in range(1, count + 1):
        kind = rng.choice(list(SOORT))
        facts = event_facts(kind)
        subsidy = rng.random() < 0.3
        day_ = day().split("-")
        rows.append({
            "Referentie": f"WF-2026-{n:04d}", "Gemeente": rng.choice(["borne", "rotterdam", "den-haag", "utrecht"]),
            "Datum activiteit": f"{day_[2]}-{day_[1]}-{day_[0]}", "Soort activiteit": SOORT[kind],
            "Aantal bezoekers": str(facts["visitors"]), "Begintijd": facts["start"], "Eindtijd": facts["end"],
            "Versterkte muziek": "ja" if facts["amplified_music"] else "nee",
            "Straat afsluiten": AFSLUITING[facts["road_closure"]], "Op rijbaan of parkeerplaats": "ja" if facts["on_roadway"] else "nee",
            "Grootste object (m2)": str(facts["largest_object_m2"]).replace(".", ","),
            "Alcohol verkopen": "ja" if facts["alcohol_sold"] else "nee", "Openbare ruimte": "ja",
            "Subsidie aanvragen": "ja" if subsidy else "nee",
            "Gevraagd bedrag": euro(rng.choice([25000, 75000, 125000, 450000])) if subsidy else "",
        })
    rows[17]["Aantal bezoekers"] = "ongeveer 100"  # a bad cell, as forms produce them
    rows[33]["Begintijd"] = "half vier"  # another bad cell
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, delimiter=";")
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


if __name__ == "__main__":
    n = write_jsonl(os.path.join(HERE, "initiatives.jsonl"))
    m = write_csv(os.path.join(HERE, "webformulier.csv"))
    print(f"initiatives.jsonl: {n} lines; webformulier.csv: {m} rows")
