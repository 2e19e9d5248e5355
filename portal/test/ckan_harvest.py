#!/usr/bin/env python3
"""Harvest a DCAT catalogue the way CKAN's DCAT harvester does.

    ckan_harvest.py URL [--check MIN]

Fetches URL, takes the RDF format from its Content-Type (as
DCATRDFHarvester._get_content_and_type does), parses it with ckanext-dcat's
RDFParser and its default profile (euro_dcat_ap_3), and for every dataset
does what the harvester's gather stage does before saving it (a name from the
title when the parser gave none, a guid from the URI or dcat:identifier).
Prints {"datasets": [...], "errors": [...]} as JSON; exits 1 when the
parser fails or a dataset gets no guid (the harvester would skip it).
With --check MIN it also fails unless at least MIN datasets came out, each
with a title, issued date, publisher and access rights, and each that is
not NON_PUBLIC with a distribution carrying a SHA-256 checksum.

ckanext-dcat is vendored unmodified in ckanext-dcat/ (AGPL-3.0, see its
README.md); CKAN is not installed, so the few ckan / ckantoolkit names it
imports are stood in for below: configuration defaults, no licence
register, no CKAN actions.
"""

import json
import os
import re
import sys
import types
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "ckanext-dcat"))


def _module(name, **attrs):
    m = types.ModuleType(name)
    m.__dict__.update(attrs)
    m.__path__ = []  # a package, so submodules import
    sys.modules[name] = m
    return m


class ObjectNotFound(Exception):
    pass


class NotAuthorized(Exception):
    pass


class ValidationError(Exception):
    pass


class Invalid(Exception):
    pass


class StopOnError(Exception):
    pass


def asbool(v):
    if isinstance(v, str):
        return v.strip().lower() in ("true", "yes", "on", "1", "y", "t")
    return bool(v)


def aslist(v, sep=None, strip=True):
    if isinstance(v, str):
        return [x.strip() if strip else x for x in v.split(sep)]
    return list(v or [])


def get_action(name):
    # CKAN's get_action on an action no plugin registers (here: all of
    # them, so no ckanext-scheming schema, as in a plain CKAN)
    raise KeyError("Action '%s' not found" % name)


def url_for(*_a, **_k):
    return ""


def _stub_munge_tag(tag):
    # ckan.lib.munge.munge_tag (only used with ckanext.dcat.clean_tags on)
    return re.sub(r"[^\w \-.]", "", tag.strip().lower())


class LicenseRegister(dict):
    """No licences known: the parser then keeps the licence URI as it is."""


config = {"ckan.site_url": "http://harvester.test", "ckan.locale_default": "en"}
toolkit = _module(
    "ckantoolkit", config=config, asbool=asbool, aslist=aslist, ObjectNotFound=ObjectNotFound,
    NotAuthorized=NotAuthorized, ValidationError=ValidationError, get_action=get_action,
    url_for=url_for, h=types.SimpleNamespace(), request=None, abort=None, _=lambda s: s,
    missing=object(), Invalid=Invalid, StopOnError=StopOnError,
)
_module("ckan")
_module("ckan.plugins", toolkit=toolkit, PluginImplementations=lambda _i: [])
sys.modules["ckan.plugins.toolkit"] = toolkit


class Interface:
    pass


_module("ckan.plugins.interfaces", Interface=Interface)
_module("ckan.model")
_module("ckan.model.license", LicenseRegister=LicenseRegister)
_module("ckan.lib")
_module("ckan.lib.helpers", resource_formats=lambda: {})
_module("ckan.lib.munge", munge_tag=_stub_munge_tag)
_module("ckan.views")
_module("ckan.views.home", index=None)
_module("ckan.views.dataset", read=None)
_module("ckan.exceptions", HelperError=Exception)

from ckanext.dcat.processors import RDFParser  # noqa: E402  (after the stand-ins)
from ckanext.dcat.exceptions import RDFParserException  # noqa: E402


def _gen_new_name(title):
    # DCATHarvester._gen_new_name, without the database lookup
    name = re.sub(r"[^a-z0-9_-]", "-", (title or "").lower())
    return re.sub(r"-+", "-", name).strip("-")[:100] or "dataset"


def _extra(dataset, key):
    for e in dataset.get("extras", []):
        if e.get("key") == key:
            return e.get("value")
    return dataset.get(key)


def harvest(url):
    with urllib.request.urlopen(url, timeout=30) as r:
        content = r.read().decode("utf-8")
        content_type = (r.headers.get("content-type") or "").split(";", 1)[0].strip()
    parser = RDFParser()
    try:
        parser.parse(content, _format=content_type)
    except RDFParserException as e:
        return {"datasets": [], "errors": ["Error parsing the RDF file: {0}".format(e)]}
    out, errors, names = [], [], []
    for dataset in parser.datasets():
        if not dataset.get("name"):
            dataset["name"] = _gen_new_name(dataset.get("title"))
        if dataset["name"] in names:
            suffix = len([n for n in names if n.startswith(dataset["name"] + "-")]) + 1
            dataset["name"] = "{}-{}".format(dataset["name"], suffix)
        names.append(dataset["name"])
        guid = _extra(dataset, "uri") or _extra(dataset, "identifier")
        if not guid:
            errors.append("Could not get a unique identifier for dataset: {0}".format(dataset.get("title")))
            continue
        dataset.setdefault("extras", []).append({"key": "guid", "value": guid})
        out.append(dataset)
    return {"datasets": out, "errors": errors, "format": content_type}


def check(res, least):
    """What a CKAN catalogue needs of each harvested dataset (--check)."""
    problems = []
    if len(res["datasets"]) < least:
        problems.append("{0} datasets, want at least {1}".format(len(res["datasets"]), least))
    for d in res["datasets"]:
        what = _extra(d, "uri")
        for key in ("issued", "publisher_name", "access_rights", "identifier"):
            if not _extra(d, key):
                problems.append("{0}: no {1}".format(what, key))
        if not d.get("title"):
            problems.append("{0}: no title".format(what))
        if (_extra(d, "access_rights") or "").endswith("/NON_PUBLIC"):
            continue
        sums = [r for r in d.get("resources", []) if re.fullmatch(r"[0-9a-f]{64}", r.get("hash") or "")
                and (r.get("hash_algorithm") or "").endswith("checksumAlgorithm_sha256")]
        if not sums:
            problems.append("{0}: no distribution with a SHA-256 checksum".format(what))
    return problems


def main():
    args = sys.argv[1:]
    least = None
    if len(args) == 3 and args[1] == "--check":
        least = int(args[2])
        args = args[:1]
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    res = harvest(args[0])
    json.dump(res, sys.stdout, indent=1, sort_keys=True, default=str)
    if least is not None:
        res["errors"] += check(res, least)
    for e in res["errors"]:
        print("ckan_harvest.py: " + e, file=sys.stderr)
    return 1 if res["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
