#!/usr/bin/env python3
"""Runs sslyze against TLS zoo servers and maps its JSON to the zoo property vocabulary.

Usage:
    sslyze_properties.py [--ca-file ROOT.pem] [--expected expected.json] [--per-host] [--strict]
                         [--sslyze PATH] [--targets FILE] [name=host:port ...]

Prints one JSON object {name: {property: "yes"|"no"}} on stdout (the keys are Sources/TLSZoo/ZooProperty.swift's
raw values) and the wall time on stderr. With --expected (a JSON object {name: {property: value}}, e.g.
TLSZooFleet.expectedProperties), it also prints every disagreement and the score on stderr.

Properties sslyze does not report (server preference, ALPN) are left out. Properties this script derives from the
raw certificate fields sslyze prints rather than from a verdict of sslyze's own (expiry, hostname match, self-signed,
missing intermediate, weak key, weak signature, must-staple without a staple) are marked in DERIVED; --strict leaves
them out too, to score sslyze on its own verdicts only.

Targets on localhost are scanned as `localhost:PORT{127.0.0.1}` so sslyze sends SNI `localhost`, validates for
`localhost` and never leaves IPv4 loopback. Standard library only; sslyze is found in .build/sslyze-venv (see
install-sslyze.sh), on PATH, or at --sslyze.
"""

import argparse
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))

# sslyze scan commands for the vocabulary (heartbleed, ROBOT, CCS injection and HTTP headers are not in it).
SCAN_COMMANDS = [
    "--certinfo", "--sslv2", "--sslv3", "--tlsv1", "--tlsv1_1", "--tlsv1_2", "--tlsv1_3", "--reneg", "--resum",
    "--fallback", "--compression", "--early_data", "--elliptic_curves", "--mozilla_config=disable",
]

PROTOCOLS = {
    "ssl_2_0_cipher_suites": "protocol.sslv2",
    "ssl_3_0_cipher_suites": "protocol.sslv3",
    "tls_1_0_cipher_suites": "protocol.tls1.0",
    "tls_1_1_cipher_suites": "protocol.tls1.1",
    "tls_1_2_cipher_suites": "protocol.tls1.2",
    "tls_1_3_cipher_suites": "protocol.tls1.3",
}

DERIVED = {
    "cert.expired", "cert.hostname-mismatch", "cert.self-signed", "cert.missing-intermediate", "cert.weak-key",
    "cert.weak-signature", "cert.must-staple-unstapled", "dh.weak",
}

# Key exchanges without forward secrecy (anonymous suites are counted as anonymous, not here).
STATIC_KEY_EXCHANGES = ("TLS_RSA_", "TLS_DH_DSS_", "TLS_DH_RSA_", "TLS_ECDH_ECDSA_", "TLS_ECDH_RSA_", "TLS_PSK_",
                        "TLS_RSA_PSK_", "TLS_KRB5_", "SSL_RSA_", "SSL_CK_")


def yes(flag):
    return "yes" if flag else "no"


def find_sslyze(explicit):
    candidates = [explicit] if explicit else [os.path.join(ROOT, ".build", "sslyze-venv", "bin", "sslyze"),
                                              shutil.which("sslyze")]
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    sys.exit("sslyze not found: run Benchmarks/tls/install-sslyze.sh or pass --sslyze")


def sslyze_target(address):
    host, _, port = address.rpartition(":")
    if host in ("localhost", "127.0.0.1"):
        return f"localhost:{port}{{127.0.0.1}}"
    return address


def run_sslyze(sslyze, addresses, ca_file):
    command = [sslyze, "--json_out=-"] + SCAN_COMMANDS
    if ca_file:
        command.append(f"--certinfo_ca_file={ca_file}")
    command += [sslyze_target(address) for address in addresses]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=600)
    if completed.returncode != 0 and not completed.stdout.strip():
        sys.exit(f"sslyze failed ({completed.returncode}): {completed.stderr[-2000:]}")
    return json.loads(completed.stdout)


def completed_result(scan_result, command):
    attempt = (scan_result or {}).get(command) or {}
    return attempt.get("result") if attempt.get("status") == "COMPLETED" else None


def suite_properties(scan_result):
    properties = {}
    names = []
    weak_dh = False
    any_protocol = False
    for command, key in PROTOCOLS.items():
        result = completed_result(scan_result, command)
        if result is None:
            continue
        any_protocol = True
        accepted = result.get("accepted_cipher_suites") or []
        properties[key] = yes(accepted)
        for suite in accepted:
            names.append((suite["cipher_suite"]["name"], suite["cipher_suite"].get("is_anonymous", False)))
            ephemeral = suite.get("ephemeral_key") or {}
            if ephemeral.get("type_name") == "DH" and (ephemeral.get("size") or 0) < 2048:
                weak_dh = True
    if not any_protocol:
        return properties
    properties["suites.null"] = yes(any("_WITH_NULL_" in n or n.endswith("_NULL_SHA") for n, _ in names))
    properties["suites.anonymous"] = yes(any(anon or "_anon_" in n for n, anon in names))
    properties["suites.export"] = yes(any("EXPORT" in n for n, _ in names))
    properties["suites.rc4"] = yes(any("_RC4_" in n for n, _ in names))
    properties["suites.3des"] = yes(any("3DES" in n or "_DES_" in n or "_DES40_" in n for n, _ in names))
    properties["suites.cbc"] = yes(any("_CBC" in n for n, _ in names))
    properties["suites.no-forward-secrecy"] = yes(
        any(n.startswith(STATIC_KEY_EXCHANGES) and "_anon_" not in n and not anon for n, anon in names))
    properties["dh.weak"] = yes(weak_dh)
    return properties


def parse_time(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def name_matches(pattern, host):
    pattern, host = pattern.lower().rstrip("."), host.lower().rstrip(".")
    if pattern.startswith("*."):
        first, _, rest = host.partition(".")
        return bool(first) and rest == pattern[2:]
    return pattern == host


def certificate_properties(scan_result, hostname):
    info = completed_result(scan_result, "certificate_info")
    if not info or not info.get("certificate_deployments"):
        return {}
    deployment = info["certificate_deployments"][0]
    chain = deployment.get("received_certificate_chain") or []
    if not chain:
        return {}
    leaf = chain[0]
    validations = deployment.get("path_validation_results") or []
    trusted = any(v.get("was_validation_successful") for v in validations)
    now = datetime.datetime.now(datetime.timezone.utc)
    self_signed = leaf["subject"]["rfc4514_string"] == leaf["issuer"]["rfc4514_string"]
    subjects = {c["subject"]["rfc4514_string"] for c in chain}
    san = leaf.get("subject_alternative_name") or {}
    names = (san.get("dns_names") or []) + (san.get("ip_addresses") or [])
    key = leaf.get("public_key") or {}
    key_size = key.get("key_size") or 0
    weak_key = (key.get("algorithm") == "RSAPublicKey" and key_size < 2048) or \
        (key.get("algorithm") == "ECPublicKey" and key_size < 256)
    signed_weakly = [c for c in chain if c["subject"]["rfc4514_string"] != c["issuer"]["rfc4514_string"]]
    weak_signature = any(
        ((c.get("signature_hash_algorithm") or {}).get("name") or "").lower() in ("sha1", "md5") for c in signed_weakly)
    stapled = deployment.get("ocsp_response") is not None
    return {
        "cert.trusted": yes(trusted),
        "cert.expired": yes(parse_time(leaf["not_valid_after"]) < now),
        "cert.hostname-mismatch": yes(not any(name_matches(n, hostname) for n in names)),
        "cert.self-signed": yes(self_signed),
        "cert.missing-intermediate": yes(
            not self_signed and leaf["issuer"]["rfc4514_string"] not in subjects and not trusted),
        "cert.weak-key": yes(weak_key),
        "cert.weak-signature": yes(weak_signature),
        "cert.must-staple-unstapled": yes(deployment.get("leaf_certificate_has_must_staple_extension") and not stapled),
        "ocsp.stapled": yes(stapled),
    }


def feature_properties(scan_result):
    properties = {}
    reneg = completed_result(scan_result, "session_renegotiation")
    if reneg:
        properties["reneg.secure"] = yes(reneg["supports_secure_renegotiation"])
        properties["reneg.client-initiated"] = yes(reneg["is_vulnerable_to_client_renegotiation_dos"])
    fallback = completed_result(scan_result, "tls_fallback_scsv")
    if fallback:
        properties["fallback-scsv"] = yes(fallback["supports_fallback_scsv"])
    compression = completed_result(scan_result, "tls_compression")
    if compression:
        properties["compression"] = yes(compression["supports_compression"])
    early = completed_result(scan_result, "tls_1_3_early_data")
    if early:
        properties["early-data"] = yes(early["supports_early_data"])
    resumption = completed_result(scan_result, "session_resumption")
    if resumption:
        for field, key in (("tls_ticket_resumption_result", "session.ticket"),
                           ("session_id_resumption_result", "session.id-resumption")):
            value = resumption.get(field)
            if value in ("FULLY_SUPPORTED", "PARTIALLY_SUPPORTED", "NOT_SUPPORTED"):
                properties[key] = yes(value != "NOT_SUPPORTED")
    return properties


def scan_errors(name, server_result):
    """One line per sslyze scan command that ran but did not complete, or for a host sslyze could not scan."""
    if server_result is None:
        return [f"  {name}: no result from sslyze"]
    if server_result.get("scan_status") != "COMPLETED":
        trace = (server_result.get("connectivity_error_trace") or "").strip().splitlines()
        return [f"  {name}: not scanned: {trace[-1] if trace else server_result.get('scan_status')}"]
    lines = []
    for command, attempt in sorted((server_result.get("scan_result") or {}).items()):
        status = (attempt or {}).get("status")
        if status not in ("COMPLETED", "NOT_SCHEDULED"):
            trace = ((attempt or {}).get("error_trace") or "").strip().splitlines()
            reason = (attempt or {}).get("error_reason") or status
            lines.append(f"  {name}: {command} {reason}: {trace[-1] if trace else ''}")
    return lines


def map_result(server_result, strict):
    if server_result.get("scan_status") != "COMPLETED":
        return {}
    scan_result = server_result.get("scan_result") or {}
    hostname = server_result["server_location"]["hostname"]
    properties = {}
    properties.update(suite_properties(scan_result))
    properties.update(certificate_properties(scan_result, hostname))
    properties.update(feature_properties(scan_result))
    if strict:
        properties = {k: v for k, v in properties.items() if k not in DERIVED}
    return dict(sorted(properties.items()))


def compare(expected, observed):
    total = right = 0
    lines = []
    for name in sorted(expected):
        for key, value in sorted(expected[name].items()):
            total += 1
            got = observed.get(name, {}).get(key)
            if got == value:
                right += 1
            else:
                lines.append(f"  {name}: {key} expected {value}, sslyze {got or 'not reported'}")
    return total, right, lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("targets", nargs="*", help="name=host:port")
    parser.add_argument("--targets", dest="targets_file", help="file with one name=host:port per line")
    parser.add_argument("--ca-file", help="extra trust anchor (the zoo root), passed as --certinfo_ca_file")
    parser.add_argument("--expected", help="JSON {name: {property: value}} to compare with")
    parser.add_argument("--per-host", action="store_true", help="one sslyze run per host, to time each host")
    parser.add_argument("--strict", action="store_true", help="only sslyze's own verdicts, nothing derived")
    parser.add_argument("--sslyze", help="path of the sslyze executable")
    arguments = parser.parse_args()

    targets = list(arguments.targets)
    if arguments.targets_file:
        with open(arguments.targets_file) as handle:
            targets += [line.strip() for line in handle if re.fullmatch(r"[^=#\s]+=[^=\s]+:\d+", line.strip())]
    if not targets:
        parser.error("no targets")
    named = [target.split("=", 1) for target in targets]
    sslyze = find_sslyze(arguments.sslyze)

    started = time.monotonic()
    observed = {}
    errors = []
    times = []
    batches = [[pair] for pair in named] if arguments.per_host else [named]
    for batch in batches:
        batch_start = time.monotonic()
        document = run_sslyze(sslyze, [address for _, address in batch], arguments.ca_file)
        times.append(time.monotonic() - batch_start)
        by_port = {str(r["server_location"]["port"]): r for r in document.get("server_scan_results", [])}
        for name, address in batch:
            result = by_port.get(address.rpartition(":")[2])
            observed[name] = map_result(result, arguments.strict) if result else {}
            errors += scan_errors(name, result)
    wall = time.monotonic() - started

    print(json.dumps(observed, indent=1, sort_keys=True))
    version = document.get("sslyze_version", "?")
    print(f"sslyze {version}: {len(named)} hosts in {wall:.2f} s ({wall / len(named):.3f} s per host)",
          file=sys.stderr)
    if errors:
        print("sslyze scan errors (their properties are left out):", file=sys.stderr)
        for line in errors:
            print(line, file=sys.stderr)
    if arguments.per_host:
        ordered = sorted(times)
        print(f"per host: median {ordered[len(ordered) // 2]:.3f} s, min {ordered[0]:.3f} s, "
              f"max {ordered[-1]:.3f} s", file=sys.stderr)
    if arguments.expected:
        with open(arguments.expected) as handle:
            expected = json.load(handle)
        expected = {name: props for name, props in expected.items() if name in observed}
        total, right, lines = compare(expected, observed)
        print(f"sslyze matches {right} of {total} expected properties", file=sys.stderr)
        for line in lines:
            print(line, file=sys.stderr)


if __name__ == "__main__":
    main()
