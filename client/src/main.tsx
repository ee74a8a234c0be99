import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { queryClient } from './api/queries';
import { AppRoutes } from './accounts/AppRoutes';
import './app/app.css';
import './accounts/accounts.css';
import './investigations/investigations.css';
import './editing/editing.css';
import './analytics/analytics.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <AppRoutes />
    </QueryClientProvider>
  </StrictMode>,
);
