package checks_test

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/hegui-dev/hegui/pipeline"
)

// writeProject lays out a one-module Gradle project with the given Kotlin app class.
func writeProject(t *testing.T, app string) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"settings.gradle":  "rootProject.name = 'guard'\ninclude ':app'\n",
		"app/build.gradle": "android { namespace 'com.example.guard'\n defaultConfig { applicationId 'com.example.guard'\n targetSdkVersion 34 } }\ndependencies {\n implementation 'cn.jiguang.sdk:jpush:5.0.0'\n implementation 'com.getui:gtsdk:3.3.5.0'\n implementation 'com.tencent.bugly:crashreport:4.1.9'\n}\n",
		"app/src/main/AndroidManifest.xml": `<manifest xmlns:android="http://schemas.android.com/apk/res/android">
    <uses-permission android:name="android.permission.INTERNET" />
    <application android:name=".App" android:label="Guard" />
</manifest>
`,
		"app/src/main/java/com/example/guard/App.kt": app,
	}
	for p, body := range files {
		full := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const guardApp = `package com.example.guard

import android.app.Application
import cn.jpush.android.api.JPushInterface
import com.igexin.sdk.PushManager
import com.tencent.bugly.crashreport.CrashReport

class App : Application() {
    override fun onCreate() {
        super.onCreate()
        if (Consent.agreed(this)) {
            PushManager.getInstance().initialize(this)
        } else {
            Consent.show(this)
        }
        JPushInterface.init(this)
        start()
    }

    private fun start() {
        if (!Consent.agreed(this)) {
            Consent.show(this)
            return
        }
        CrashReport.initCrashReport(applicationContext, "id", false)
    }
}

object Consent {
    fun agreed(app: Application): Boolean =
        app.getSharedPreferences("privacy", 0).getBoolean("agreed", false)
    fun show(app: Application) {}
}
`

// SDK-004 in source mode follows the if blocks analyzer/source records: Getui inside
// if (Consent.agreed) and Bugly after an early return are consented; JPush after
// the if block is not.
func TestSDK004_SourceGuardBlocks(t *testing.T) {
	r, err := pipeline.Run(context.Background(), writeProject(t, guardApp), pipeline.Options{ToolVersion: "TEST"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range r.Findings {
		if f.Rule == "CNPI-SDK-004" {
			got = append(got, f.Owner)
			if ev := f.Evidence[0]; ev.Kind != "source" || !strings.HasSuffix(ev.Path, "App.kt") || ev.Line != 16 {
				t.Errorf("evidence %+v", ev)
			}
		}
	}
	sort.Strings(got)
	if strings.Join(got, ",") != "jpush" {
		t.Fatalf("SDK-004 owners %v, want only jpush", got)
	}
}
