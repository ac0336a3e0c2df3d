package com.hegui.groovyapp;

import android.content.Context;
import android.net.wifi.WifiManager;
import android.provider.*;

import java.lang.reflect.Method;

import static android.os.Build.SERIAL;

final class DeviceInfo {
    private DeviceInfo() {}

    static void collect(Context context) {
        String androidId = Settings.Secure.getString(context.getContentResolver(), Settings.Secure.ANDROID_ID);
        String serial = SERIAL;
        WifiManager wm = (WifiManager) context.getApplicationContext().getSystemService(Context.WIFI_SERVICE);
        String mac = wm.getConnectionInfo().getMacAddress();
        String model = android.os.Build.getSerial();
        readProperty();
    }

    private static String readProperty() {
        try {
            Class<?> c = Class.forName("android.os.SystemProperties");
            Method get = c.getMethod("get", String.class);
            return (String) get.invoke(null, "ro.serialno");
        } catch (Exception e) {
            return "";
        }
    }
}
