package com.hegui.groovyapp;

import android.app.Application;
import android.content.Context;
import android.telephony.TelephonyManager;

import cn.jpush.android.api.JPushInterface;
import com.umeng.commonsdk.UMConfigure;

/**
 * Application entry. Braces in comments must not confuse the scanner: { {{
 */
public class App extends Application {
    private static final String BRACE = "}"; // a string with a closing brace }
    private static final char OPEN = '{';

    @Override
    public void onCreate() {
        super.onCreate();
        TelephonyManager tm = (TelephonyManager) getSystemService(Context.TELEPHONY_SERVICE);
        String imei = tm.getDeviceId();
        UMConfigure.init(this, "5f1a2b3c4d5e6f7a8b9c0d1e", "official", UMConfigure.DEVICE_TYPE_PHONE, "");
        JPushInterface.setDebugMode(false);
        JPushInterface.init(this);
        DeviceInfo.collect(this);
    }

    static String label(String s) {
        return s + BRACE + OPEN;
    }
}
