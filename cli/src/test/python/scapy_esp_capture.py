"""Writes ESP captures built by Scapy for the tests of pqipsec esp open.

Usage: scapy_esp_capture.py REQUEST_JSON ESP_PCAP INNER_PCAP

The request gives algo (Scapy's name: "AES-GCM" or "CHACHA20-POLY1305"), key (hex of
cipher key and salt), spi, mode ("tunnel" or "transport"), udp (bool, RFC 3948 encapsulation
on port 4500), esn (bool), esn_high (the high 32 bits of the sequence numbers) and count.
ESP_PCAP receives the ESP packets and INNER_PCAP the plain packets they carry, both with
link type raw IP. Nothing is sent or received on a network interface: Scapy only builds
packets and writes files.

UDP encapsulation is added with Scapy's UDP layer around the ESP packet that the SA built,
not with the SA's nat_t_header: Scapy 2.5.0 leaves the Length field of that header at 8, so
its datagrams announce no payload (RFC 768 counts header and data).
"""

import json
import sys

try:
    from scapy.layers.inet import IP, UDP
    from scapy.layers.inet6 import IPv6
    from scapy.layers.ipsec import ESP, SecurityAssociation
    from scapy.packet import Raw, raw
    from scapy.utils import PcapWriter
except ImportError:
    sys.stderr.write("scapy is missing: install Debian's python3-scapy (apt-get install python3-scapy)\n")
    sys.exit(3)

LINKTYPE_RAW = 101
NAT_T_PORT = 4500


def inner_packets(count):
    """IPv4 and IPv6 UDP packets of growing length, so every pad length occurs."""
    packets = []
    for i in range(count):
        data = Raw(bytes((i + j) & 0xFF for j in range(i * 7)))
        if i % 3 == 2:
            packet = IPv6(src="2001:db8::10", dst="2001:db8::20") / UDP(sport=1000 + i, dport=53) / data
        else:
            packet = IP(src="192.0.2.10", dst="198.51.100.20", id=i) / UDP(sport=1000 + i, dport=53) / data
        # Fix lengths and checksums now, so the inner capture contains exactly the sealed bytes.
        packets.append(packet.__class__(raw(packet)))
    return packets


def security_association(request):
    tunnel = None
    if request["mode"] == "tunnel":
        tunnel = IP(src="192.0.2.1", dst="198.51.100.1")
    return SecurityAssociation(
        ESP,
        spi=request["spi"],
        crypt_algo=request["algo"],
        crypt_key=bytes.fromhex(request["key"]),
        auth_algo="NULL",
        tunnel_header=tunnel,
        esn_en=request["esn"],
        esn=request["esn_high"],
    )


def udp_encapsulated(sealed):
    """Returns the packet with UDP from port 4500 to port 4500 between IP and ESP (RFC 3948 §2.1)."""
    esp = Raw(raw(sealed[ESP]))
    header = sealed.copy()
    header.remove_payload()
    if isinstance(header, IPv6):
        header.nh = 17
        header.plen = None
    else:
        header.proto = 17
        header.len = None
        header.chksum = None
    return header / UDP(sport=NAT_T_PORT, dport=NAT_T_PORT, chksum=0) / esp


def main():
    request = json.loads(sys.argv[1])
    esp_writer = PcapWriter(sys.argv[2], linktype=LINKTYPE_RAW, sync=True)
    inner_writer = PcapWriter(sys.argv[3], linktype=LINKTYPE_RAW, sync=True)
    for sequence, inner in enumerate(inner_packets(request["count"]), start=1):
        sa = security_association(request)
        sealed = sa.encrypt(inner, seq_num=sequence)
        if request["udp"]:
            sealed = udp_encapsulated(sealed)
        esp_writer.write(raw(sealed))
        inner_writer.write(raw(inner))
    esp_writer.close()
    inner_writer.close()


if __name__ == "__main__":
    main()
