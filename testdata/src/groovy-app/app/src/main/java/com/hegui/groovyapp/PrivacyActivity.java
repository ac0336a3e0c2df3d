package com.hegui.groovyapp;

import android.app.Activity;
import android.webkit.WebView;

public class PrivacyActivity extends Activity {
    @Override
    protected void onResume() {
        super.onResume();
        WebView web = new WebView(this);
        web.loadUrl("file:///android_asset/privacy.html");
    }
}
