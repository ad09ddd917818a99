"""Builds and opens ESP packets with Scapy for pqipsec's interop tests.

Reads one JSON request per line on stdin and writes one JSON reply per line on stdout.
Nothing is sent or received on a network interface: Scapy only builds and parses bytes.

Request fields: op ("seal" or "open"), algo (Scapy's name: "AES-GCM" or
"CHACHA20-POLY1305"), key (hex of cipher key and salt), icv (ICV length), spi, seq (full
64-bit sequence number), esn (bool), udp (bool, RFC 3948 encapsulation), and for "seal"
inner (hex of the inner IPv4 packet) and iv (hex, 8 bytes), for "open" esp (hex of the ESP
packet from SPI to ICV).

Replies: for "seal", esp (hex of SPI to ICV, with the tag cut to icv bytes) and wire (hex of
the whole outer packet as Scapy built it); for "open", inner (hex of the decrypted inner
packet) or error.
"""

import json
import sys

try:
    from scapy.layers.inet import IP, UDP
    from scapy.layers.ipsec import ESP, SecurityAssociation
    from scapy.packet import Raw, raw
except ImportError:
    sys.stderr.write("scapy is missing: install Debian's python3-scapy (apt-get install python3-scapy)\n")
    sys.exit(3)

OUTER_SOURCE = "192.0.2.1"
OUTER_DESTINATION = "198.51.100.1"
NAT_T_PORT = 4500
SCAPY_TAG_LENGTH = 16


def security_association(request):
    """Returns a tunnel-mode SA for one packet, with the high ESN half fixed for its AAD."""
    seq = request["seq"]
    nat_t = UDP(sport=NAT_T_PORT, dport=NAT_T_PORT) if request["udp"] else None
    return SecurityAssociation(
        ESP,
        spi=request["spi"],
        seq_num=seq & 0xFFFFFFFF,
        crypt_algo=request["algo"],
        crypt_key=bytes.fromhex(request["key"]),
        auth_algo="NULL",
        tunnel_header=IP(src=OUTER_SOURCE, dst=OUTER_DESTINATION),
        nat_t_header=nat_t,
        esn_en=request["esn"],
        esn=seq >> 32,
    )


def seal(request):
    sa = security_association(request)
    inner = IP(bytes.fromhex(request["inner"]))
    outer = sa.encrypt(inner, seq_num=request["seq"] & 0xFFFFFFFF, iv=bytes.fromhex(request["iv"]))
    wire = raw(outer)
    esp = raw(outer[ESP])
    # Scapy 2.5 always appends the whole 16-byte GCM tag; a shorter RFC 4106 ICV is its prefix.
    esp = esp[: len(esp) - SCAPY_TAG_LENGTH + request["icv"]]
    return {"esp": esp.hex(), "wire": wire.hex()}


def open_packet(request):
    sa = security_association(request)
    esp = bytes.fromhex(request["esp"])
    if request["udp"]:
        packet = IP(raw(IP(src=OUTER_SOURCE, dst=OUTER_DESTINATION)
                        / UDP(sport=NAT_T_PORT, dport=NAT_T_PORT, chksum=0) / Raw(esp)))
    else:
        packet = IP(raw(IP(src=OUTER_SOURCE, dst=OUTER_DESTINATION, proto=50) / Raw(esp)))
    try:
        inner = sa.decrypt(packet)
    except Exception as error:  # Scapy signals a bad ICV with a plain exception type.
        return {"error": type(error).__name__ + ": " + str(error)}
    return {"inner": raw(inner).hex()}


def main():
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        reply = seal(request) if request["op"] == "seal" else open_packet(request)
        sys.stdout.write(json.dumps(reply) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
