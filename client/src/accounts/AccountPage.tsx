import { useState, type ReactNode } from 'react';
import { AccountBadge } from './AccountBadge';
import { AuditTab } from './AuditTab';
import { KeysTab } from './KeysTab';
import { backToExplorer } from './navigation';
import { SessionsTab } from './SessionsTab';
import { SettingsTab } from './SettingsTab';
import { UsersTab } from './UsersTab';
import { useMe } from './useMe';

type TabName = 'users' | 'sessions' | 'keys' | 'audit' | 'settings';

const tabs: { name: TabName; label: string; adminOnly: boolean; panel: () => ReactNode }[] = [
  { name: 'users', label: 'Users', adminOnly: true, panel: () => <UsersTab /> },
  { name: 'sessions', label: 'My sessions', adminOnly: false, panel: () => <SessionsTab /> },
  { name: 'keys', label: 'API keys', adminOnly: false, panel: () => <KeysTab /> },
  { name: 'audit', label: 'Audit log', adminOnly: true, panel: () => <AuditTab /> },
  { name: 'settings', label: 'Settings', adminOnly: true, panel: () => <SettingsTab /> },
];

/** The account page: the user's sessions and keys, and for an admin the users, the audit log and the settings. */
export function AccountPage() {
  const { me, can } = useMe();
  const shown = tabs.filter((tab) => !tab.adminOnly || can('admin'));
  const [chosen, setChosen] = useState<TabName>();
  const current = shown.find((tab) => tab.name === chosen) ?? shown[0]!;

  return (
    <div className="account-page">
      <header className="toolbar">
        <h1>Entente</h1>
        <button className="back" onClick={backToExplorer}>
          ← Back to the explorer
        </button>
        <AccountBadge />
      </header>
      <main className="account-main">
        <h2>Account{me?.username ? `: ${me.username}` : ''}</h2>
        {me?.mode === 'single-user' ? (
          <p>
            Entente runs in single-user mode: whoever reaches it is the local admin, and there are no accounts to
            manage. Start it with <code>ENTENTE_AUTH=on</code> to sign in with accounts and roles.
          </p>
        ) : (
          <>
            <div className="tabs account-tabs" role="tablist" aria-label="Account sections">
              {shown.map((tab) => (
                <button
                  key={tab.name}
                  role="tab"
                  id={`account-tab-${tab.name}`}
                  aria-controls="account-panel"
                  aria-selected={tab === current}
                  onClick={() => setChosen(tab.name)}
                >
                  {tab.label}
                </button>
              ))}
            </div>
            <section id="account-panel" role="tabpanel" aria-labelledby={`account-tab-${current.name}`}>
              {current.panel()}
            </section>
          </>
        )}
      </main>
    </div>
  );
}
