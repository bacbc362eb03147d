#!/usr/bin/env python3
"""Loads law's --json document of every result kind into pandas, as a researcher would.

The document is written by the Java test law.cli.JsonSchemaTest (mvn verify) to
interpreter/target/json/every-kind.json. This script validates it against the published schema
(docs/schema/law.output-1.schema.json) with the Python jsonschema package when it is installed,
turns every table into a DataFrame with pd.DataFrame(table["rows"]) and every record into a row
with pd.json_normalize, and checks the dtypes: counts are int64, numbers float64, nothing is a
pre-rendered string.

    python3 interpreter/src/test/python/test_json_pandas.py [DOCUMENT]

Exit status 0 and a closing line "N passed, 0 failed" when every check holds.
"""
import json
import pathlib
import sys

import pandas as pd

ROOT = pathlib.Path(__file__).resolve().parents[4]
DOC = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "interpreter/target/json/every-kind.json"
SCHEMA = ROOT / "docs/schema/law.output-1.schema.json"

passed = 0
failed = 0


def check(what, ok):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAILED:", what)


def frame(table):
    """A typed table as a DataFrame: the column order and types come from table["columns"]."""
    df = pd.DataFrame(table["rows"], columns=[c["name"] for c in table["columns"]])
    for c in table["columns"]:
        if c["type"] == "number":  # "nan", "inf", "-inf" are the strings of non-finite numbers
            df[c["name"]] = pd.to_numeric(df[c["name"]].replace({"nan": "NaN", "inf": "Infinity",
                                                                  "-inf": "-Infinity"}))
    return df


doc = json.loads(DOC.read_text())
try:
    import jsonschema
    jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text())).validate(doc)
    check("valid against the schema (python jsonschema)", True)
except ImportError:
    print("python jsonschema is not installed: schema validation left to the Java test")

results = doc["files"][0]["results"]
by_kind = {}
for r in results:
    by_kind.setdefault(r["kind"], []).append(r["value"])
print("kinds:", ", ".join(sorted(by_kind)))

fit = by_kind["fit"][0]
params = frame(fit["parameters"])
print(params.to_string())
check("fit parameters: value float64", params["value"].dtype == "float64")
check("fit parameters: at_bound bool", params["at_bound"].dtype == "bool")
check("fit parameters: rel_error = 100 se / |value|",
      ((params["rel_error"] - 100 * params["se"] / params["value"].abs()).abs() < 1e-9).all())
stats = pd.json_normalize(fit["stats"])
check("fit stats: points int64", stats["points"].dtype == "int64")
cov = pd.DataFrame(fit["covariance"]["matrix"], index=fit["covariance"]["labels"],
                   columns=fit["covariance"]["labels"])
check("covariance labelled and symmetric", (cov.values == cov.values.T).all() and list(cov.index) == list(params["name"]))
opts = pd.json_normalize(fit["options"])
check("fit options: seed int64", opts["seed"].dtype == "int64")

table = frame(by_kind["table"][0])
print(table.to_string())
check("table: every column float64", all(table[c].dtype == "float64" for c in table.columns))
compare = frame(by_kind["compare"][0]["laws"])
print(compare.to_string())
check("compare: n and k int64", compare["n"].dtype == "int64" and compare["k"].dtype == "int64")
lr = pd.DataFrame(by_kind["compare"][0]["likelihood_ratios"])
check("compare: likelihood ratios are numbers", lr["statistic"].dtype == "float64" and lr["df"].dtype == "int64")

iso = by_kind["isoflop"][0]
minima = frame(iso["minima"])
print(minima.to_string())
check("isoflop minima: points int64", minima["points"].dtype == "int64")
check("isoflop: exponent a is a number", isinstance(iso["laws"]["a"]["value"], float))

datasets = by_kind["dataset"]
read = [d for d in datasets if "columns" in d][0]
made = [d for d in datasets if "table" in d][0]
check("dataset: rows int64", isinstance(read["rows"], int))
print(frame(read["columns"]).to_string())
per = frame(made["table"])
print(per.to_string())
check("fit by group: one row per group", len(per) == 2 and per["points"].dtype == "int64")

preds = pd.json_normalize(by_kind["prediction"])
print(preds.to_string())
check("predict: level and method", {"of", "level", "method"} <= set(preds.columns))
expects = pd.json_normalize(by_kind["expect"])
print(expects.to_string())
check("expect: relation, value, tolerance as fields",
      {"relation", "value", "tolerance.value", "tolerance.relative", "passed"} <= set(expects.columns))
optimal = pd.json_normalize(by_kind["optimal"])
check("optimal: N.ci_low and N.method", {"N.value", "N.ci_low", "N.method"} <= set(optimal.columns))

strings = [r["statement"] for r in results if r["kind"] not in ("string", "expression")
           and isinstance(r["value"], str)]
check("no result is a pre-rendered string: " + ", ".join(strings), not strings)
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
