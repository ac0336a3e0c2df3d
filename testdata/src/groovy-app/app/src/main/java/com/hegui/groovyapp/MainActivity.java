package com.hegui.groovyapp;

import android.Manifest;
import android.app.Activity;
import android.net.Uri;
import android.os.Bundle;
import android.telephony.TelephonyManager;

import androidx.core.app.ActivityCompat;

public class MainActivity extends Activity {
    private static final String[] PERMISSIONS = {
            Manifest.permission.READ_PHONE_STATE,
            Manifest.permission.ACCESS_WIFI_STATE,
    };

    private TelephonyManager phone;

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        ActivityCompat.requestPermissions(this, PERMISSIONS, 1);
        Uri sms = Uri.parse("content://sms/inbox");
        new Runnable() {
            @Override
            public void run() {
                showPrivacy();
            }
        }.run();
    }

    private void showPrivacy() {
        requestPermissions(new String[]{Manifest.permission.WRITE_EXTERNAL_STORAGE}, 2);
        String number = this.phone.getLine1Number();
    }
}
