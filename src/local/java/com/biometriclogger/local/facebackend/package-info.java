@NullMarked
package com.biometriclogger.local.facebackend;

import org.jspecify.annotations.NullMarked;
