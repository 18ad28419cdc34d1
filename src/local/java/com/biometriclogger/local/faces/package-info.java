@NullMarked
package com.biometriclogger.local.faces;

import org.jspecify.annotations.NullMarked;
