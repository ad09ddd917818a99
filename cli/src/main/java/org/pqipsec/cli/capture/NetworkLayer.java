package org.pqipsec.cli.capture;

/**
 * The content that {@link CaptureReader} found after the link-layer header of a frame: an
 * {@link IpPacket}, or a {@link NotIp} with the reason for anything else.
 */
public sealed interface NetworkLayer permits IpPacket, NotIp {
}
