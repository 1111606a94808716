#!/usr/bin/env python3
"""Mints one user token per user id read from stdin, printing "user id<TAB>token" lines.

The tokens are those of bin/mint-token --user (docs/security.md): HS256 under VIGIL_JWT_SECRET, issuer
VIGIL_JWT_ISSUER (vigil-web), audience VIGIL_JWT_AUDIENCE (vigil-api), scope vigil:user, iat, exp, a random jti.
Ten thousand of them take a fraction of a second here, where bin/mint-token forks openssl several times each.
"""
import base64
import hashlib
import hmac
import json
import os
import sys
import time
import uuid


def b64url(raw):
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def main():
    ttl = int(sys.argv[1]) if len(sys.argv) > 1 else 3600
    secret = os.environ["VIGIL_JWT_SECRET"].encode()
    issuer = os.environ.get("VIGIL_JWT_ISSUER", "vigil-web")
    audience = os.environ.get("VIGIL_JWT_AUDIENCE", "vigil-api")
    header = b64url(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    now = int(time.time())
    for line in sys.stdin:
        user = line.strip()
        if not user:
            continue
        payload = b64url(json.dumps({"iss": issuer, "aud": audience, "sub": user, "scope": "vigil:user",
                                     "iat": now, "exp": now + ttl, "jti": str(uuid.uuid4())},
                                    separators=(",", ":")).encode())
        signing_input = f"{header}.{payload}"
        signature = b64url(hmac.new(secret, signing_input.encode(), hashlib.sha256).digest())
        print(f"{user}\t{signing_input}.{signature}")


if __name__ == "__main__":
    main()
