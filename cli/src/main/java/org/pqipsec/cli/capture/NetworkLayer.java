package org.pqipsec.cli.capture;

/**
 * What {@link CaptureReader} found after the link-layer header of a frame: an
 * {@link IpPacket} or, for anything else, a {@link NotIp} with the reason.
 */
public sealed interface NetworkLayer permits IpPacket, NotIp {
}
