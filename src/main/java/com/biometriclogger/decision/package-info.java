@NullMarked
package com.biometriclogger.decision;

import org.jspecify.annotations.NullMarked;
