package io.earpiece.upload;

/** Container formats the {@link MediaSniffer} recognises from a file's first bytes. */
public enum MediaContainer {
    WAV, MP3, AAC_ADTS, MP4, OGG, WEBM, MATROSKA, FLAC, UNKNOWN
}
