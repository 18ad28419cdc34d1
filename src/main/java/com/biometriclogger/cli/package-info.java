@NullMarked
package com.biometriclogger.cli;

import org.jspecify.annotations.NullMarked;
