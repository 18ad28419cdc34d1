@NullMarked
package com.biometriclogger.evidence;

import org.jspecify.annotations.NullMarked;
