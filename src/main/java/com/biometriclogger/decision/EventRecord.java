package com.biometriclogger.decision;

/** One record of a delivered event: an upload to judge, or a record that could not be read as one. */
public sealed interface EventRecord permits UploadedImage, UnreadableRecord {
}
