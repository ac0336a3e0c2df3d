package com.hegui.multi;

import android.app.Activity;

public class MainActivity extends Activity {
}
