"""Every word a document prints that is not data, in English and German: one place, all templates."""

from __future__ import annotations

from types import MappingProxyType

_LABELS: dict[str, tuple[str, str]] = {
    # key: (English, German)
    "call_sheet": ("Call Sheet", "Dispo"),
    "day_of": ("Day {day} of {total}", "Drehtag {day} von {total}"),
    "episode": ("Episode", "Folge"),
    "crew_call": ("Crew call", "Drehbeginn Team"),
    "shooting_call": ("Shooting call", "Drehbeginn"),
    "est_wrap": ("Est. wrap", "Voraussichtl. Drehschluss"),
    "breakfast": ("Breakfast", "Frühstück"),
    "lunch": ("Lunch", "Mittagessen"),
    "second_meal": ("Second meal", "Zweite Mahlzeit"),
    "latest_first_meal": ("First meal latest", "Spätestens Pause"),
    "weather": ("Weather", "Wetter"),
    "high_low": ("High {high}° / Low {low}°", "Max. {high}° / Min. {low}°"),
    "dawn": ("Dawn", "Morgendämmerung"),
    "sunrise": ("Sunrise", "Sonnenaufgang"),
    "sunset": ("Sunset", "Sonnenuntergang"),
    "dusk": ("Dusk", "Abenddämmerung"),
    "revision": ("Revision", "Revision"),
    "key_contacts": ("Key contacts", "Ansprechpartner"),
    "office": ("Production office", "Produktionsbüro"),
    "locations": ("Locations", "Drehorte"),
    "location": ("Location", "Drehort"),
    "address": ("Address", "Adresse"),
    "parking": ("Parking", "Parken"),
    "unit_base": ("Unit base", "Basis"),
    "contact": ("Contact on site", "Kontakt vor Ort"),
    "map": ("Map", "Karte"),
    "hospital": ("Nearest hospital", "Nächstes Krankenhaus"),
    "scenes": ("Scenes", "Bilder"),
    "scene": ("Sc.", "Bild"),
    "set": ("Set", "Motiv"),
    "int_ext": ("I/E", "I/A"),
    "day_night": ("D/N", "T/N"),
    "synopsis": ("Synopsis", "Inhalt"),
    "cast": ("Cast", "Darsteller"),
    "pages": ("Pages", "Seiten"),
    "total": ("Total", "Gesamt"),
    "actor": ("Actor", "Darsteller/in"),
    "character": ("Character", "Rolle"),
    "status": ("Status", "Status"),
    "pickup": ("Pickup", "Abholung"),
    "makeup": ("MU/Hair", "Maske"),
    "wardrobe": ("Wardrobe", "Kostüm"),
    "on_set": ("On set", "Am Set"),
    "remarks": ("Remarks", "Bemerkungen"),
    "background": ("Background and stand-ins", "Komparsen und Stand-ins"),
    "count": ("Count", "Anzahl"),
    "description": ("Description", "Beschreibung"),
    "call": ("Call", "Beginn"),
    "report_to": ("Report to", "Treffpunkt"),
    "department_notes": ("Department notes", "Hinweise der Abteilungen"),
    "safety": ("Safety", "Sicherheit"),
    "transport": ("Transport", "Fahrdienst"),
    "time": ("Time", "Zeit"),
    "who": ("Who", "Wer"),
    "from": ("From", "Von"),
    "to": ("To", "Nach"),
    "vehicle": ("Vehicle", "Fahrzeug"),
    "advance": ("Advance schedule", "Vorschau"),
    "emergency": ("Emergency", "Notfall"),
    "crew": ("Crew", "Team"),
    "position": ("Position", "Funktion"),
    "name": ("Name", "Name"),
    "phone": ("Phone", "Telefon"),
    "your_call": ("Your call", "Dein Beginn"),
    "home": ("Home", "Zuhause"),
    "private_address": ("Private address", "Privatadresse"),
    "next_day": ("+1", "+1"),
    "no_forced_calls": (
        "No forced calls without the PM's approval. Please be on time.",
        "Keine Verkürzung der Ruhezeit ohne Zustimmung der Herstellungsleitung. Bitte pünktlich sein.",
    ),
    "page_of": ("Page {page} of {pages}", "Seite {page} von {pages}"),
    # contact list and calendar
    "contact_list": ("Contact List", "Kontaktliste"),
    "office_copy": (
        "OFFICE COPY – contains private data, do not distribute",
        "BÜROEXEMPLAR – enthält private Daten, nicht weitergeben",
    ),
    "private_legend": ("Private values are in italics: for the office only.", "Private Angaben sind kursiv: nur für das Büro."),
    "emergency_numbers": ("Emergency numbers", "Notrufnummern"),
    "office_hours": ("Hours", "Bürozeiten"),
    "email": ("E-mail", "E-Mail"),
    "agent": ("Agent", "Agent/in"),
    "vendors": ("Vendors and rental houses", "Verleiher und Lieferanten"),
    "vendor": ("Vendor", "Firma"),
    "departments": ("Departments", "Abteilungen"),
    "contact_person": ("Contact", "Ansprechpartner"),
    "hotels": ("Hotels", "Hotels"),
    "hotel": ("Hotel", "Hotel"),
    "hospitals": ("Nearest hospitals", "Nächste Krankenhäuser"),
    "nearest_to": ("Nearest to", "Nächstes für"),
    "calendar_call": ("{title} – Day {day} – call {call}", "{title} – Drehtag {day} – Beginn {call}"),
    "calendar_crew_call": ("{title} – Day {day} – crew call {call}", "{title} – Drehtag {day} – Drehbeginn Team {call}"),
    # daily production report
    "daily_report": ("Daily Production Report", "Tagesbericht"),
    "day": ("day", "Tag"),
    "times": ("Times", "Zeiten"),
    "planned": ("Planned", "Geplant"),
    "actual": ("Actual", "Tatsächlich"),
    "first_shot": ("First shot", "Erste Einstellung"),
    "lunch_start": ("Lunch start", "Mittagspause Beginn"),
    "lunch_end": ("Lunch end", "Mittagspause Ende"),
    "second_meal_start": ("Second meal start", "Zweite Pause Beginn"),
    "second_meal_end": ("Second meal end", "Zweite Pause Ende"),
    "first_shot_after_lunch": ("First shot after lunch", "Erste Einstellung nach der Pause"),
    "camera_wrap": ("Camera wrap", "Drehschluss"),
    "crew_wrap": ("Crew wrap", "Arbeitsende Team"),
    "last_out": ("Last out", "Letzte/r raus"),
    "hours_worked": ("Hours worked", "Arbeitszeit"),
    "over": ("{amount} over schedule", "{amount} über Plan"),
    "early": ("{amount} ahead of schedule", "{amount} vor Plan"),
    "result": ("Result", "Ergebnis"),
    "result_complete": ("Complete", "Abgedreht"),
    "result_part": ("Part shot", "Teilweise"),
    "result_not_shot": ("Not shot", "Nicht gedreht"),
    "result_added": ("Added", "Zusätzlich"),
    "result_not_reported": ("Not reported", "Nicht gemeldet"),
    "pages_shot": ("Pages shot", "Gedrehte Seiten"),
    "setups": ("Setups", "Einstellungen"),
    "screen_time": ("Screen time", "Filmminuten"),
    "notes": ("Notes", "Notizen"),
    "cast_times": ("Cast time sheet", "Darsteller-Zeiten"),
    "arrival": ("Arrival", "Ankunft"),
    "meal_out": ("Meal out", "Pause ab"),
    "meal_in": ("Meal in", "Pause bis"),
    "wrap": ("Wrap", "Ende"),
    "back": ("Back", "Zurück"),
    "flags": ("Flags", "Hinweise"),
    "headcount": ("Crew headcount", "Team"),
    "department": ("Department", "Abteilung"),
    "people": ("People", "Personen"),
    "overtime": ("Overtime", "Überstunden"),
    "extras_worked": ("Background", "Komparsen"),
    "hours": ("Hours", "Stunden"),
    "media": ("Media", "Datenträger"),
    "incidents": ("Incidents and accidents", "Vorfälle und Unfälle"),
    "delays": ("Delays", "Verzögerungen"),
    "minutes": ("Minutes", "Minuten"),
    "cause": ("Cause", "Ursache"),
    "equipment_problems": ("Equipment problems", "Technische Probleme"),
    "to_date": ("Totals to date", "Stand bis heute"),
    "days_done": ("{done} of {total} shoot days done, {left} to go", "{done} von {total} Drehtagen gedreht, {left} verbleibend"),
    "scheduled_to_date": ("Scheduled to date", "Geplant bis heute"),
    "shot_to_date": ("Shot to date", "Gedreht bis heute"),
    "ahead_behind": ("Ahead (+) / behind (−)", "Vorsprung (+) / Rückstand (−)"),
    "ahead": ("Ahead of schedule", "Vor dem Plan"),
    "behind": ("Behind schedule", "Hinter dem Plan"),
    "on_schedule": ("On schedule", "Im Plan"),
    # shooting schedule and day-out-of-days
    "shooting_schedule": ("Shooting Schedule", "Drehplan"),
    "schedule_summary": (
        "{days} shoot days · {scenes} scenes · {pages} pages",
        "{days} Drehtage · {scenes} Bilder · {pages} Seiten",
    ),
    "schedule_unit": ("Unit", "Einheit"),
    "day_type_rest": ("Rest day", "Ruhetag"),
    "day_type_travel": ("Travel day", "Reisetag"),
    "day_type_holiday": ("Holiday", "Feiertag"),
    "stripboard": ("Stripboard", "Stripboard"),
    "strip_day": ("Day", "DT"),
    "end_of_day": ("End of day {day} · {date} · {pages} pages", "Ende Drehtag {day} · {date} · {pages} Seiten"),
    "not_scheduled": ("Not scheduled", "Nicht disponiert"),
    "strip_colours": ("Strip colours", "Streifenfarben"),
    "strip_int_day": ("INT day", "Innen Tag"),
    "strip_ext_day": ("EXT day", "Außen Tag"),
    "strip_int_night": ("INT night", "Innen Nacht"),
    "strip_ext_night": ("EXT night", "Außen Nacht"),
    "day_out_of_days": ("Day out of Days", "Drehtageübersicht Darsteller"),
    "dood_work": ("Work", "Dreh"),
    "dood_hold": ("Hold", "Halten"),
    "dood_travel": ("Travel", "Reise"),
    "dood_first": ("First work", "Erster Dreh"),
    "dood_last": ("Last work", "Letzter Dreh"),
    "dood_legend": ("Codes", "Kürzel"),
    "dood_shoot_day": ("Shoot day", "Drehtag"),
    # hours report and working-time flags
    "hours_report": ("Working Hours", "Arbeitszeiten"),
    "hours_confidential": (
        "For the production office and payroll only: it lists each person's hours",
        "Nur für Produktionsbüro und Lohnbuchhaltung: enthält die Arbeitszeiten jeder Person",
    ),
    "week_of": ("Week {number} · {start} – {end}", "Woche {number} · {start} – {end}"),
    "everyone": ("All crew and cast", "Team und Darsteller"),
    "all_weeks": ("All shoot weeks", "Alle Drehwochen"),
    "profile": ("Rules", "Regelwerk"),
    "no_profile": ("none named", "keines genannt"),
    "date": ("Date", "Datum"),
    "rest_before": ("Rest before", "Ruhezeit davor"),
    "counted": ("Counted", "Angerechnet"),
    "surcharges": ("Surcharges", "Zuschläge"),
    "meal_penalties": ("Meal penalties", "Meal Penalties"),
    "breaches": ("Breaches", "Verstöße"),
    "week_total": ("Week", "Woche"),
    "days_worked": ("{days} days", "{days} Tage"),
    "pm_summary": ("Summary for the production manager", "Übersicht für die Herstellungsleitung"),
    "short_turnarounds": ("Short turnarounds", "Zu kurze Ruhezeiten"),
    "shortest_rest": ("Shortest rest", "Kürzeste Ruhezeit"),
    "penalties_owed": ("Owed", "Fällig"),
    "no_hours": ("Nobody works in the weeks asked for.", "In den gewählten Wochen arbeitet niemand."),
    "accepted": ("accepted", "akzeptiert"),
    "in_plan": ("plan", "Plan"),
    "surcharge_daily": ("Hours", "Stunden"),
    "surcharge_weekly": ("Week", "Woche"),
    "surcharge_night": ("Night", "Nacht"),
    "surcharge_sunday": ("Sunday", "Sonntag"),
    "surcharge_holiday": ("Public holiday", "Feiertag"),
    "surcharge_sixth_day": ("6th day", "6. Tag"),
    "surcharge_seventh_day": ("7th day", "7. Tag"),
    "rule_rest": ("Rest", "Ruhezeit"),
    "rule_day": ("Day", "Tag"),
    "rule_breaks": ("Breaks", "Pausen"),
    "rule_meals": ("Meal late", "Pause zu spät"),
    "rule_meal_penalty": ("Meal penalty", "Meal Penalty"),
    "rule_weekly_rest": ("Weekly rest", "Wochenruhe"),
    "rule_days_in_a_row": ("Days in a row", "Tage am Stück"),
    "rule_average_week": ("Average week", "Wochenschnitt"),
    "rule_minors": ("Minor", "Minderjährig"),
    "flag_rest": ("Short turnaround {hours} h", "Ruhezeit nur {hours} h"),
    "flag_day": ("Long day {hours} h", "Langer Tag {hours} h"),
    "flag_penalty": ("{count} meal penalties {owed}", "{count} Meal Penalties {owed}"),
    "flag_meal": ("Meal {hours} h late", "Pause {hours} h zu spät"),
    "office_copy_callsheet": (
        "OFFICE COPY – marks working-time breaches, do not distribute",
        "BÜROEXEMPLAR – zeigt Verstöße gegen Arbeitszeitregeln, nicht weitergeben",
    ),
    "breaks_rule": ("Breaks a rule", "Verstößt gegen Regel"),
}
_DEPARTMENTS: dict[str, tuple[str, str]] = {
    "production": ("Production", "Produktion"),
    "direction": ("Direction", "Regie"),
    "camera": ("Camera", "Kamera"),
    "lighting": ("Lighting", "Licht"),
    "grip": ("Grip", "Bühne"),
    "sound": ("Sound", "Ton"),
    "art": ("Art", "Szenenbild"),
    "costume": ("Costume", "Kostüm"),
    "makeup": ("Make-up", "Maske"),
    "locations": ("Locations", "Motivaufnahme"),
    "transport": ("Transport", "Fahrdienst"),
    "catering": ("Catering", "Catering"),
    "vfx": ("VFX", "VFX"),
    "post": ("Post", "Postproduktion"),
    "other": ("Other", "Sonstige"),
}
_WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "de": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
}
_WEEKDAYS_SHORT = {
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "de": ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"),
}
#: Day-out-of-days codes (coord.schedule.day_out_of_days) and what they mean, in legend order.
_DOOD_CODES: dict[str, tuple[str, str]] = {
    "SW": ("Start work", "Erster Drehtag"),
    "W": ("Work", "Drehtag"),
    "WF": ("Work, finish", "Letzter Drehtag"),
    "SWF": ("Start, work, finish (one day only)", "Einziger Drehtag"),
    "WD": ("Work, then dropped", "Drehtag, danach ausgebucht"),
    "PW": ("Picked up again, work", "Wieder gebucht, Drehtag"),
    "H": ("Hold", "Haltetag"),
    "T": ("Travel", "Reisetag"),
    "R": ("Rehearsal", "Probe"),
    "F": ("Fitting", "Kostümprobe"),
    "/": ("Company day off", "Drehfrei"),
}
_TIME_OF_DAY = {"en": {}, "de": {"day": "T", "night": "N", "dawn": "MD", "dusk": "AD", "morning": "M", "evening": "A"}}
_INT_EXT = {"en": {}, "de": {"INT": "I", "EXT": "A", "INT/EXT": "I/A"}}


def labels(language: str) -> MappingProxyType[str, str]:
    """All labels of `language` (en or de) by key."""
    index = 1 if language == "de" else 0
    return MappingProxyType({key: pair[index] for key, pair in _LABELS.items()})


def department(name: str, language: str) -> str:
    return _DEPARTMENTS[name][1 if language == "de" else 0]


def weekday(index: int, language: str) -> str:
    return _WEEKDAYS["de" if language == "de" else "en"][index]


def weekday_short(index: int, language: str) -> str:
    return _WEEKDAYS_SHORT["de" if language == "de" else "en"][index]


def dood_codes(language: str) -> list[tuple[str, str]]:
    """The legend of a day-out-of-days: (code, meaning) pairs."""
    index = 1 if language == "de" else 0
    return [(code, pair[index]) for code, pair in _DOOD_CODES.items()]


def time_of_day_code(time_of_day: str, language: str) -> str:
    """D/N column of a scene: D, N, Dawn... in English; T, N, ... in German."""
    code = _TIME_OF_DAY.get(language, {}).get(time_of_day)
    return code or {"day": "D", "night": "N", "morning": "Morn", "evening": "Eve"}.get(time_of_day, time_of_day.capitalize())


def int_ext_code(int_ext: str, language: str) -> str:
    return _INT_EXT.get(language, {}).get(int_ext, int_ext)
