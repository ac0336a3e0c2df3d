package com.hegui.core;

import android.app.ActivityManager;
import android.content.Context;

public final class Processes {
    public static int running(Context context) {
        ActivityManager am = (ActivityManager) context.getSystemService(Context.ACTIVITY_SERVICE);
        return am.getRunningAppProcesses().size();
    }
}
