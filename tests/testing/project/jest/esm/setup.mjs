import 'servicer-events/testing/jest';
