package com.hegui.multi;

import android.app.Application;

import com.hegui.push.PushClient;

public class MultiApp extends Application {
    @Override
    public void onCreate() {
        super.onCreate();
        PushClient.start(this);
    }
}
