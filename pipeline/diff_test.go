package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hegui-dev/hegui/checks"
	"github.com/hegui-dev/hegui/report"
)

// A release in which ADM-001 and CON-007 rose from low to medium (the settings
// toggle and the withdrawal text are gone) must show the change and fail a
// medium gate even though no fingerprint is new for those rules.
func TestDiffSeverityChange(t *testing.T) {
	opts := Options{PolicyFiles: []string{"../testdata/policy/fixture-kids-deficient.txt"}}
	old, _ := scanJSON(t, "../testdata/apk/kids-settings.apk", opts)
	cur, _ := scanJSON(t, "../testdata/apk/kids.apk", opts)
	d := report.Compare(old, cur)
	rose := map[string]bool{}
	for _, c := range d.ChangedFindings {
		if c.Old.Severity == checks.Low && c.New.Severity == checks.Medium {
			rose[c.New.Rule] = true
		}
	}
	if !rose["CNPI-ADM-001"] || !rose["CNPI-CON-007"] {
		t.Fatalf("changed findings %+v; want ADM-001 and CON-007 low → medium", d.ChangedFindings)
	}
	for _, f := range append(d.NewFindings, d.FixedFindings...) {
		if rose[f.Rule] {
			t.Errorf("%s listed as new or fixed though it only changed severity", f.Rule)
		}
	}
	withoutNew := *d
	withoutNew.NewFindings = nil
	if n := withoutNew.NewAtOrAbove(checks.Medium); n != 2 {
		t.Errorf("gate at medium counts %d changed findings, want the 2 that crossed it", n)
	}
	if n := withoutNew.NewAtOrAbove(checks.High); n != 0 {
		t.Errorf("gate at high counts %d changed findings, want 0", n)
	}
}

// A second activity reading the clipboard adds a call site to the app's MIN-011
// finding (and changes its fingerprint): the diff says so instead of reporting
// HomeActivity's read as fixed.
func TestDiffAddedCallSite(t *testing.T) {
	src := "../testdata/src/kotlin-catalog"
	dir := filepath.Join(t.TempDir(), "kc")
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	paste := filepath.Join(dir, "app/src/main/java/com/hegui/kcat/ui/PasteActivity.kt")
	if err := os.WriteFile(paste, []byte(`package com.hegui.kcat.ui

import android.content.ClipboardManager
import android.content.Context
import android.os.Bundle
import androidx.appcompat.app.AppCompatActivity

class PasteActivity : AppCompatActivity() {
    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        val cm = getSystemService(Context.CLIPBOARD_SERVICE) as ClipboardManager
        println(cm.getPrimaryClip())
    }
}
`), 0o644); err != nil {
		t.Fatal(err)
	}
	old, err := Run(context.Background(), src, Options{})
	if err != nil {
		t.Fatal(err)
	}
	cur, err := Run(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := report.Compare(old, cur)
	for _, f := range append(d.NewFindings, d.FixedFindings...) {
		if f.Rule == "CNPI-MIN-011" {
			t.Errorf("MIN-011 (owner %q) listed as new or fixed: %s", f.Owner, f.Message)
		}
	}
	var got *report.FindingChange
	for i := range d.ChangedFindings {
		if d.ChangedFindings[i].New.Rule == "CNPI-MIN-011" {
			got = &d.ChangedFindings[i]
		}
	}
	if got == nil {
		t.Fatalf("no changed MIN-011 finding; changed: %+v", d.ChangedFindings)
	}
	if len(got.AddedEvidence) != 1 || !strings.Contains(got.AddedEvidence[0].Locator, "PasteActivity") || len(got.RemovedEvidence) != 0 {
		t.Errorf("added %+v removed %+v; want PasteActivity's call site added, nothing removed", got.AddedEvidence, got.RemovedEvidence)
	}
	if d.NewAtOrAbove(got.New.Severity) == 0 {
		t.Error("a new call site of a reported problem does not count for the gate at its severity")
	}
}
