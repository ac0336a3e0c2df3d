package com.umeng.socialize;

/** Test stand-in with U-Share's package name (hegui fixture, not vendor code). */
public final class ShareAPI {
    public static ShareAPI get(Object context) {
        return new ShareAPI();
    }
}
