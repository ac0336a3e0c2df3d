package com.hegui.push;

import android.content.Context;
import com.hegui.core.Processes;
import com.igexin.sdk.PushManager;

public final class PushClient {
    public static void start(Context context) {
        PushManager.getInstance().initialize(context);
        Processes.running(context);
    }
}
