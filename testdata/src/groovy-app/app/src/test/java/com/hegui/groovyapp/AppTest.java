package com.hegui.groovyapp;

import android.telephony.TelephonyManager;

public class AppTest {
    public void testImei(TelephonyManager tm) {
        tm.getSubscriberId(); // test code: never part of the app
    }
}
