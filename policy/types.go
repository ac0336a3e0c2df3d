// Package policy finds an app's privacy policy (inside the APK or from files the user
// gives) and reads it like a compliance reviewer: which SDKs, personal-information
// categories, rights and promises it states, each with the sentence that proves it.
package policy

// Item keys of Facts.Items: a stable contract of `hegui policy --format json`.
const (
	ItemOperator                 = "operator"
	ItemContact                  = "contact"
	ItemComplaintChannel         = "complaint_channel"
	ItemEffectiveDate            = "effective_date"
	ItemWithdrawConsent          = "withdraw_consent"
	ItemAccountCancellation      = "account_cancellation"
	ItemRightsAccess             = "rights_access"
	ItemRightsDeletion           = "rights_deletion"
	ItemMinors                   = "minors"
	ItemPersonalizationOptOut    = "personalization_opt_out"
	ItemSensitiveSeparateConsent = "sensitive_separate_consent"
	ItemFace                     = "face"
	ItemCrossBorder              = "cross_border"
	ItemRetention                = "retention"
	ItemCollectionList           = "collection_list"
	ItemSharingList              = "sharing_list"
)

// ItemKeys lists every item key in report order.
var ItemKeys = []string{
	ItemOperator, ItemContact, ItemComplaintChannel, ItemEffectiveDate,
	ItemWithdrawConsent, ItemAccountCancellation, ItemRightsAccess, ItemRightsDeletion,
	ItemMinors, ItemPersonalizationOptOut, ItemSensitiveSeparateConsent, ItemFace,
	ItemCrossBorder, ItemRetention, ItemCollectionList, ItemSharingList,
}

// Facts is what one policy (possibly several documents: policy + SDK list) says.
type Facts struct {
	Documents []Document   `json:"documents"`
	Language  string       `json:"language"` // "zh", "en", "mixed"
	SDKs      []SDKMention `json:"sdks"`
	// DeniedSDKs are SDKs the policy only ever names to deny using them; they are not
	// in SDKs: a denial discloses nothing.
	DeniedSDKs   []SDKMention    `json:"denied_sdks,omitempty"`
	PICategories []PIDisclosure  `json:"pi_categories"`
	Items        map[string]Item `json:"items"`
	// AccountCancellationDays is the promised handling time in working days, when stated.
	AccountCancellationDays int `json:"account_cancellation_days,omitempty"`
	// AccountCancellationUnit says what AccountCancellationDays counts:
	// "working_days" (工作日) or "days" (天/日/自然日, calendar days).
	AccountCancellationUnit string `json:"account_cancellation_unit,omitempty"`
	// AccountCancellationEvidence is the sentence that states the time limit.
	AccountCancellationEvidence *Evidence `json:"account_cancellation_evidence,omitempty"`
	// URLs are policy-like links found (in the APK: DEX and resource strings).
	URLs []Found `json:"urls,omitempty"`
	// ConsentDialog are consent-prompt texts found in the APK (同意并继续, 不同意 …).
	ConsentDialog []Found `json:"consent_dialog,omitempty"`
}

// Document is one policy text that was read.
type Document struct {
	Path      string `json:"path"`   // file given by the user, or APK entry (assets/privacy.html, resources.arsc#string/privacy_text)
	Origin    string `json:"origin"` // "user", "asset", "raw", "resource"
	Encoding  string `json:"encoding"`
	Chars     int    `json:"chars"`
	Sentences int    `json:"sentences"`
}

// Evidence is a sentence of a policy document.
type Evidence struct {
	Path     string `json:"path"`
	Section  string `json:"section,omitempty"` // nearest heading
	Sentence string `json:"sentence"`
}

// Item is one structural fact; Found is false when no sentence proves it.
type Item struct {
	Found    bool       `json:"found"`
	Evidence []Evidence `json:"evidence"`
	// Denied holds sentences that explicitly deny the item ("我们不会向境外提供您的
	// 个人信息" for cross_border): the policy addresses it, and Found stays false.
	Denied []Evidence `json:"denied,omitempty"`
}

// SDKMention is an SDK the policy names (by sdkdb name, alias or vendor).
type SDKMention struct {
	ID       string     `json:"id"`
	Name     string     `json:"name"`
	Matched  string     `json:"matched"` // the text that matched
	InList   bool       `json:"in_list"` // inside a third-party SDK list/table
	Evidence []Evidence `json:"evidence"`
	// Described records what the policy states about this SDK (PIPL 23): purpose,
	// PI types, vendor name, contact or policy link.
	Described Described `json:"described"`
	// PICategories are the category keys (as in PIDisclosure.Category) the policy
	// states this SDK collects: from its table row's PI columns, its list record or
	// the sentence naming it. Checks compare them with what the SDK's code reads.
	PICategories []string `json:"pi_categories,omitempty"`
	// Denied holds sentences denying the SDK is used ("我们未接入友盟统计SDK").
	Denied []Evidence `json:"denied,omitempty"`
}

type Described struct {
	Vendor  bool `json:"vendor"`
	Purpose bool `json:"purpose"`
	PITypes bool `json:"pi_types"`
	Contact bool `json:"contact"` // contact or policy link
}

// PIDisclosure is a personal-information category the policy discloses collecting.
type PIDisclosure struct {
	Category    string     `json:"category"`              // stable key, e.g. "location", "device_id", "contacts"
	Name        string     `json:"name"`                  // zh display name
	Permissions []string   `json:"permissions,omitempty"` // Android permissions this category covers
	Purposes    []string   `json:"purposes,omitempty"`
	Evidence    []Evidence `json:"evidence"`
	// Denied holds sentences where the policy says it does NOT collect this category.
	Denied []Evidence `json:"denied,omitempty"`
}

// Found is a string found in the APK with where it was.
type Found struct {
	Value string `json:"value"`
	Path  string `json:"path"`
}
