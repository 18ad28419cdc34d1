/**
 * The verify report as one self-contained HTML page: built from what verify read and found, with
 * no network, AWS or Lambda in sight; every ledger value escaped on the way in.
 */
@NullMarked
package com.biometriclogger.report;

import org.jspecify.annotations.NullMarked;
