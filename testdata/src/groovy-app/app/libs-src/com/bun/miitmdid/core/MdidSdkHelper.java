package com.bun.miitmdid.core;

import com.bun.miitmdid.interfaces.IIdentifierListener;

/** Test stand-in with the MSA SDK's entry-point name (hegui fixture, not vendor code). */
public final class MdidSdkHelper {
    private MdidSdkHelper() {}

    public static int InitSdk(Object context, boolean log, IIdentifierListener listener) {
        return 0;
    }
}
